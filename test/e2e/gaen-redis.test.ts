// The GAEN design on Redis: two serve processes share the keys, the exports and the signing
// key; phones split over them and over two fleet processes notify exactly the oracle's sets.
import { type RedisServer, type ServeProcess, startRedis, startServe } from "@tracebed/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";
import { GAEN_FLAGS, GAEN_SERVE_FLAGS, HA_TOKEN, load, SAMPLE } from "./load-cli.js";

let redis: RedisServer;
const servers: ServeProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  for (let i = 0; i < 2; i++) {
    servers.push(await startServe(["--store", redis.url, ...GAEN_SERVE_FLAGS]));
  }
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await redis?.stop();
});

test("two GAEN serve processes on one Redis, phones over both and two fleet processes: exact sets", async () => {
  const r = await load([
    ...SAMPLE,
    ...GAEN_FLAGS,
    "--url",
    servers.map((s) => s.url).join(","),
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
});
