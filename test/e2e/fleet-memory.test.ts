import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ServeProcess, startServe } from "@tracebed/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HA_TOKEN, load, SAMPLE, SERVE_FLAGS } from "./load-cli.js";

describe("sim → matcher (embedded store) → fleet", () => {
  let server: ServeProcess;
  beforeAll(async () => {
    const data = mkdtempSync(join(tmpdir(), "tracebed-e2e-"));
    server = await startServe(["--data", data, ...SERVE_FLAGS]);
  });
  afterAll(async () => {
    await server.stop();
  });

  for (const ble of ["ideal", "realistic"]) {
    test(`${ble} BLE: the matcher notifies exactly the oracle's app-notified F1 and F2`, async () => {
      const r = await load([
        ...SAMPLE,
        "--url",
        server.url,
        "--ha-token",
        HA_TOKEN,
        "--ble",
        ble,
        "--seed",
        ble === "ideal" ? "1" : "2",
      ]);
      expect(r.status, r.stderr).toBe(0);
      const d = r.doc;
      expect(d.f0).toBeGreaterThan(0);
      // F0 are drawn among everyone: the confirmed ones are those with the app, and it says so.
      expect(d.f0).toBeLessThanOrEqual(d.run.f0);
      expect(d.f0Note).toContain(`${d.f0} of the run's ${d.run.f0} F0 confirmed`);
      expect(d.f0Note).toMatch(/only those with the app/);
      expect(d.f1.expected).toBeGreaterThan(5);
      expect(d.f2.expected).toBeGreaterThan(5);
      expect(d.f1).toMatchObject({ notified: d.f1.expected, missing: 0, extra: 0 });
      expect(d.f2).toMatchObject({ notified: d.f2.expected, missing: 0, extra: 0 });
      expect(d.uploads.acknowledged).toBe(d.uploads.sent);
      expect(d.latencyMs.notifyP99).toBeGreaterThanOrEqual(d.latencyMs.notifyP50);
      // Every F2 is tied to its F0 through the live feed.
      expect(d.f2Notifications.received).toBeGreaterThanOrEqual(d.f2.notified);
      expect(d.f2Notifications.tiedToF0).toBe(d.f2Notifications.received);
      expect(d.latencyMs.lastF2P50).toBeGreaterThan(0);
      expect(d.latencyMs.lastF2P99).toBeGreaterThanOrEqual(d.latencyMs.lastF2P50);
    });
  }
});
