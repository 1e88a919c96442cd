// Redis restarted in the middle of a two-node load run (appendonly yes, appendfsync always, as
// `tracebed bench` runs it): uploads are refused with 503 while it is down and retried by the
// phones; every acknowledged upload is still there afterwards, and the notified sets still
// equal the oracle's.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RedisServer, type ServeProcess, startRedis, startServe } from "@tracebed/testkit";
import { afterAll, expect, test } from "vitest";
import { HA_TOKEN, load, SAMPLE, SERVE_FLAGS } from "./load-cli.js";

const redises: RedisServer[] = [];
const servers: ServeProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  for (const r of redises) await r.stop().catch(() => {});
});

test("a Redis restart during a two-node load run loses nothing acknowledged; the sets equal the oracle's", async () => {
  const durable = { appendonly: true, appendfsync: "always" } as const;
  const first = await startRedis(durable);
  redises.push(first);
  for (let i = 0; i < 2; i++)
    servers.push(await startServe(["--store", first.url, ...SERVE_FLAGS]));
  const acked = join(mkdtempSync(join(tmpdir(), "tracebed-acked-")), "acked.txt");
  let restarted: Promise<RedisServer> | null = null;
  const poll = setInterval(() => {
    if (restarted !== null) return clearInterval(poll);
    let n = 0;
    try {
      n = readFileSync(acked, "utf8").trim().split("\n").length;
    } catch {}
    if (n < 30) return;
    // Down for a second and a half, then back on the same port and files.
    restarted = first.kill9().then(async () => {
      await new Promise((r) => setTimeout(r, 1_500));
      const again = await startRedis({ ...durable, port: first.port, dir: first.dir });
      redises.push(again);
      return again;
    });
  }, 20);
  const urls = servers.map((s) => s.url).join(",");
  const r = await load([
    ...SAMPLE,
    "--url",
    urls,
    "--ha-token",
    HA_TOKEN,
    "--procs",
    "2",
    "--acked-file",
    acked,
  ]);
  clearInterval(poll);
  expect(restarted).not.toBeNull();
  await restarted;
  expect(r.status, r.stderr).toBe(0);
  const d = r.doc;
  expect(d.uploads.acknowledged).toBe(d.uploads.sent);
  const ids = readFileSync(acked, "utf8").trim().split("\n");
  for (const id of ids) {
    const res = await fetch(`${servers[0]!.url}/v1/uploads/${id}`, {
      headers: { authorization: `Bearer ${HA_TOKEN}` },
    });
    expect(res.status, id).toBe(200);
  }
  expect(d.f1.expected).toBeGreaterThan(5);
  expect(d.f1).toMatchObject({ notified: d.f1.expected, missing: 0, extra: 0 });
  expect(d.f2).toMatchObject({ notified: d.f2.expected, missing: 0, extra: 0 });
});
