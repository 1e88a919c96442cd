import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServe } from "@tracebed/testkit";
import { expect, test } from "vitest";
import { HA_TOKEN, load, SAMPLE, SERVE_FLAGS } from "./load-cli.js";

test("kill -9 of the server while uploads flow: load reports and fails; every acknowledged upload survives the restart", async () => {
  const data = mkdtempSync(join(tmpdir(), "tracebed-kill9-"));
  const acked = join(mkdtempSync(join(tmpdir(), "tracebed-acked-")), "acked.txt");
  const server = await startServe(["--data", data, ...SERVE_FLAGS]);
  let killed = false;
  const run = load([...SAMPLE, "--url", server.url, "--ha-token", HA_TOKEN, "--acked-file", acked]);
  // Kill once some uploads have been acknowledged, while more are in flight.
  const poll = setInterval(() => {
    if (killed) return clearInterval(poll);
    let ids = 0;
    try {
      ids = readFileSync(acked, "utf8").trim().split("\n").length;
    } catch {}
    if (ids >= 40) {
      killed = true;
      void server.kill9();
    }
  }, 20);
  const r = await run;
  clearInterval(poll);
  expect(killed).toBe(true);
  expect(r.status).not.toBe(0);
  expect(r.doc.uploads.acknowledged).toBeGreaterThanOrEqual(40);
  expect(r.doc.uploads.acknowledged).toBeLessThan(r.doc.uploads.sent + 1);
  expect(r.doc.errors.length).toBeGreaterThan(0);
  const ids = readFileSync(acked, "utf8").trim().split("\n");
  expect(ids.length).toBe(r.doc.uploads.acknowledged);

  const restarted = await startServe(["--data", data, "--ha-token", HA_TOKEN]);
  try {
    for (const id of ids) {
      // The operator (HA token) may read any acknowledgement; a phone only its own.
      const res = await fetch(`${restarted.url}/v1/uploads/${id}`, {
        headers: { authorization: `Bearer ${HA_TOKEN}` },
      });
      expect(res.status, id).toBe(200);
    }
  } finally {
    await restarted.stop();
  }
});
