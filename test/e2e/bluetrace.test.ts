// BlueTrace end to end: `tracebed serve --design bluetrace` (memory store, then Redis) and
// `tracebed load --design bluetrace`; the server notifies exactly the F1 and F2 of BlueTrace's
// oracle (the simulator's blueTraceExpected) for the same run.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RedisServer, type ServeProcess, startRedis, startServe } from "@tracebed/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HA_TOKEN, load, SAMPLE, SERVE_FLAGS } from "./load-cli.js";

const DESIGN = ["--design", "bluetrace"];
/** The sample, smaller: every phone fetches its TempIDs for every day of the run first. */
const BT_SAMPLE = [...SAMPLE, "--agents", "1000", "--days", "3"];
/** ≈ 1 min quiet; more when the machine's cores are shared. */
const TIMEOUT_MS = 600_000;
/** A server starts in seconds, but a minute when the cores are shared. */
const START = { timeoutMs: 60_000 };

async function privacyOf(url: string) {
  const r = await fetch(`${url}/v1/bluetrace/privacy`, {
    headers: { authorization: `Bearer ${HA_TOKEN}` },
  });
  return (await r.json()) as { nonIndexPhonesKnown: number; contactEdgesKnown: number };
}

function expectExact(r: Awaited<ReturnType<typeof load>>) {
  expect(r.status, r.stderr).toBe(0);
  const d = r.doc;
  expect(d.run.design).toBe("bluetrace");
  expect(d.f0).toBeGreaterThan(0);
  expect(d.f1.expected).toBeGreaterThan(5);
  expect(d.f2.expected).toBeGreaterThan(5);
  expect(d.f1).toMatchObject({ notified: d.f1.expected, missing: 0, extra: 0 });
  expect(d.f2).toMatchObject({ notified: d.f2.expected, missing: 0, extra: 0 });
  expect(d.uploads.acknowledged).toBe(d.uploads.sent);
  // Every F2 is tied to its F0 through the live feed (the F1 it was found through).
  expect(d.f2Notifications.tiedToF0).toBe(d.f2Notifications.received);
  return d;
}

describe("BlueTrace: sim → matcher (embedded store) → fleet", () => {
  let server: ServeProcess;
  beforeAll(async () => {
    const data = mkdtempSync(join(tmpdir(), "tracebed-e2e-bt-"));
    server = await startServe(["--data", data, ...SERVE_FLAGS, ...DESIGN], START);
  });
  afterAll(async () => {
    await server.stop();
  });

  test("a Bluezone fleet is refused in one line by a BlueTrace server", async () => {
    const r = await load([...SAMPLE, "--url", server.url, "--ha-token", HA_TOKEN]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/serves the bluetrace design, this run is bluezone/);
    // One line: no internal error, no stack trace.
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  for (const ble of ["realistic"]) {
    test(
      `${ble} BLE: the server notifies exactly BlueTrace's oracle F1 and F2`,
      async () => {
        const before = await privacyOf(server.url);
        const d = expectExact(
          await load(
            [
              ...BT_SAMPLE,
              ...DESIGN,
              "--url",
              server.url,
              "--ha-token",
              HA_TOKEN,
              "--ble",
              ble,
              "--seed",
              "2",
            ],
            undefined,
            TIMEOUT_MS,
          ),
        );
        // The store links every F1 and F2 to a contact at least (more: every phone an uploader heard).
        const after = await privacyOf(server.url);
        expect(after.nonIndexPhonesKnown - before.nonIndexPhonesKnown).toBeGreaterThanOrEqual(
          d.f1.notified + d.f2.notified,
        );
        expect(after.contactEdgesKnown).toBeGreaterThan(before.contactEdgesKnown);
      },
      TIMEOUT_MS,
    );
  }
});

describe("BlueTrace: sim → matcher (Redis) → fleet", () => {
  let redis: RedisServer;
  let server: ServeProcess;
  beforeAll(async () => {
    redis = await startRedis();
    server = await startServe(["--store", redis.url, ...SERVE_FLAGS, ...DESIGN], START);
  });
  afterAll(async () => {
    await server?.stop();
    await redis?.stop();
  });

  test(
    "realistic BLE on Redis: exactly BlueTrace's oracle F1 and F2",
    async () => {
      expectExact(
        await load(
          [
            ...BT_SAMPLE,
            ...DESIGN,
            "--url",
            server.url,
            "--ha-token",
            HA_TOKEN,
            "--ble",
            "realistic",
            "--seed",
            "3",
          ],
          undefined,
          TIMEOUT_MS,
        ),
      );
    },
    TIMEOUT_MS,
  );
});
