import { type RedisServer, type ServeProcess, startRedis, startServe } from "@tracebed/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";
import { HA_TOKEN, load, SAMPLE, SERVE_FLAGS } from "./load-cli.js";

let redis: RedisServer;
const servers: ServeProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  for (let i = 0; i < 2; i++) {
    servers.push(await startServe(["--store", redis.url, ...SERVE_FLAGS]));
  }
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await redis?.stop();
});

test("two serve processes on one Redis, phones split between them and over two fleet processes: exact sets", async () => {
  const urls = servers.map((s) => s.url).join(",");
  const r = await load([
    ...SAMPLE,
    "--url",
    urls,
    "--ha-token",
    HA_TOKEN,
    "--procs",
    "2",
    "--ble",
    "realistic",
  ]);
  expect(r.status, r.stderr).toBe(0);
  const d = r.doc;
  expect(d.f1.expected).toBeGreaterThan(5);
  expect(d.f1).toMatchObject({ notified: d.f1.expected, missing: 0, extra: 0 });
  expect(d.f2).toMatchObject({ notified: d.f2.expected, missing: 0, extra: 0 });
  // The live feed of one process carries the other's notifications too: every F2 is tied to
  // its F0.
  expect(d.f2Notifications.tiedToF0).toBe(d.f2Notifications.received);
  expect(d.latencyMs.lastF2P99).toBeGreaterThanOrEqual(d.latencyMs.lastF2P50);
});
