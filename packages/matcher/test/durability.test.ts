// A killed server loses no acknowledged upload: `tracebed serve` (memory + journal) is killed
// with SIGKILL while uploads flow, restarted on the same --data, and every upload it
// acknowledged answers 200 at /v1/uploads/{id}. Needs the built CLI (npx tsc -b apps/cli).
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ServeProcess, startServe } from "@tracebed/testkit";
import { afterAll, describe, expect, it } from "vitest";
import { confirmF0, HA_TOKEN, registered } from "./helpers/clients.js";
import { call } from "./helpers/http.js";
import { idemKey, meet, midnight, TestPhone, today } from "./helpers/phones.js";

const dirs: string[] = [];
const running: ServeProcess[] = [];

afterAll(async () => {
  for (const s of running) await s.kill9();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function serve(dataDir: string) {
  const s = await startServe(["--data", dataDir, "--ha-token", HA_TOKEN]);
  running.push(s);
  return s;
}

/**
 * Fresh phones (registered, keys first) uploading small logs (exposure basis), `concurrency` at
 * a time, until stopped. Each acknowledged log upload is kept with its phone's credential.
 */
function uploadLoop(url: string, indexId: string, concurrency: number) {
  const acked: string[] = [];
  const authOf = new Map<string, Record<string, string>>();
  let sent = 0;
  let stopped = false;
  const P = new TestPhone("src", today() - 1);
  meet(P, new TestPhone("dst", today() - 1), midnight(1) + 3600, 3, 1);
  const worker = async () => {
    while (!stopped) {
      try {
        const { phoneId, auth } = await registered(url);
        const common = {
          phoneId,
          scheme: "bluezone",
          basis: { kind: "exposure", indexIds: [indexId] },
        };
        const keys = { idempotencyKey: idemKey(), ...common, keys: P.keys(today()) };
        if ((await call(url, "POST", "/v1/uploads/keys", keys, auth)).status !== 201) continue;
        sent++;
        const log = { idempotencyKey: idemKey(), ...common, log: P.log };
        const r = await call(url, "POST", "/v1/uploads/log", log, auth);
        if (r.status === 201) {
          authOf.set(r.body.uploadId, auth);
          acked.push(r.body.uploadId);
        }
      } catch {
        return; // the server died
      }
    }
  };
  const done = Promise.all(Array.from({ length: concurrency }, () => worker()));
  return {
    acked,
    /** GET /v1/uploads/{id} with the credential of the phone that uploaded it. */
    get: (base: string, id: string) =>
      call(base, "GET", `/v1/uploads/${id}`, undefined, authOf.get(id)),
    sent: () => sent,
    stop: async () => {
      stopped = true;
      await done;
    },
    done,
  };
}

describe("durability of acknowledged uploads", () => {
  it("survives kill -9 mid-flow and a torn last journal line", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tracebed-dur-"));
    dirs.push(dataDir);
    const first = await serve(dataDir);
    const f0 = await confirmF0(first.url, new TestPhone("f0", today()));
    const loop = uploadLoop(first.url, f0.indexId, 32);
    while (loop.acked.length < 200) await new Promise((r) => setTimeout(r, 10));
    await first.kill9(); // requests are in flight
    await loop.done;
    const acked = [...loop.acked];
    expect(loop.sent()).toBeGreaterThan(acked.length); // some were cut off unanswered

    // A crash mid-write leaves a torn last line: it must be ignored.
    appendFileSync(join(dataDir, "journal.ndjson"), '{"op":"putUpload","input":{"uploadId":"torn');

    const second = await serve(dataDir);
    const missing: string[] = [];
    for (let i = 0; i < acked.length; i += 50) {
      const batch = acked.slice(i, i + 50);
      const rs = await Promise.all(batch.map((id) => loop.get(second.url, id)));
      rs.forEach((r, j) => {
        if (r.status !== 200 || r.body.uploadId !== batch[j]) missing.push(batch[j]!);
      });
    }
    expect(missing).toEqual([]);
    const stats = (await call(second.url, "GET", "/v1/stats")).body;
    expect(stats.uploads.stored).toBeGreaterThanOrEqual(acked.length);
    expect(stats.f0.confirmed).toBe(1);
    // The torn bytes were cut off: the journal ends with a whole record again.
    expect(readFileSync(join(dataDir, "journal.ndjson"), "utf8").endsWith("\n")).toBe(true);

    // It keeps working after the restart.
    const more = uploadLoop(second.url, f0.indexId, 4);
    while (more.acked.length < 20) await new Promise((r) => setTimeout(r, 10));
    await more.stop();
    expect(await second.stop()).toBe(0);
    const third = await serve(dataDir);
    for (const id of acked.slice(-5)) expect((await loop.get(third.url, id)).status).toBe(200);
    for (const id of more.acked) expect((await more.get(third.url, id)).status).toBe(200);
    expect(await third.stop()).toBe(0);
  }, 90_000); // each upload is a registration, keys and a log: slow on a busy machine

  it("on SIGTERM finishes in-flight acknowledgements, flushes and exits 0", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tracebed-term-"));
    dirs.push(dataDir);
    const s = await serve(dataDir);
    const f0 = await confirmF0(s.url, new TestPhone("f0", today()));
    const loop = uploadLoop(s.url, f0.indexId, 16);
    while (loop.acked.length < 50) await new Promise((r) => setTimeout(r, 10));
    const t0 = Date.now();
    expect(await s.stop()).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5_000); // well inside the 10 s grace
    await loop.done;
    expect(s.stderr()).toMatch(/SIGTERM/);
    const again = await serve(dataDir);
    const rs = await Promise.all(loop.acked.map((id) => loop.get(again.url, id)));
    expect(rs.filter((r) => r.status !== 200)).toEqual([]);
    expect(await again.stop()).toBe(0);
  }, 90_000);
});
