// The GAEN design end to end on the memory store: phones download the signed exports, match
// the published keys' RPIs in their own logs and decide; they notify exactly the F1 and F2 the
// design's oracle (packages/sim/src/designs/gaen.ts) finds on the same outbreak.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ServeProcess, startServe } from "@tracebed/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GAEN_FLAGS, GAEN_SERVE_FLAGS, HA_TOKEN, load, SAMPLE } from "./load-cli.js";

describe("sim → GAEN server (memory store) → phones deciding", () => {
  let server: ServeProcess;
  beforeAll(async () => {
    const data = mkdtempSync(join(tmpdir(), "tracebed-e2e-gaen-"));
    server = await startServe(["--data", data, ...GAEN_SERVE_FLAGS]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  for (const ble of ["ideal", "realistic"]) {
    test(`${ble} BLE: the phones notify exactly the GAEN oracle's F1 and F2`, async () => {
      const r = await load([
        ...SAMPLE,
        ...GAEN_FLAGS,
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
      expect(d.run.design).toBe("gaen");
      expect(d.f0).toBeGreaterThan(0);
      expect(d.f1.expected).toBeGreaterThan(5);
      expect(d.f2.expected).toBeGreaterThan(0);
      expect(d.f1).toMatchObject({ notified: d.f1.expected, missing: 0, extra: 0 });
      expect(d.f2).toMatchObject({ notified: d.f2.expected, missing: 0, extra: 0 });
      expect(d.uploads.acknowledged).toBe(d.uploads.sent);
      expect(d.latencyMs.notifyP99).toBeGreaterThanOrEqual(d.latencyMs.notifyP50);
      // Every F2 is tied to its F0 through the F1 it was found through.
      expect(d.f2Notifications.tiedToF0).toBe(d.f2Notifications.received);
    });
  }

  test("a phone run of another design is refused in one line", async () => {
    const r = await load([...SAMPLE, "--url", server.url, "--ha-token", HA_TOKEN]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/serves the gaen design, this run is bluezone/);
    // One line: no internal error, no stack trace.
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});
