import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getIdScheme, toHex } from "@tracebed/protocol";
import { nodeCrypto } from "@tracebed/protocol/node";
import { describe, expect, test } from "vitest";
import {
  appUserFlags,
  forEachSightingOfDay,
  IdsAtTime,
  phoneIdOf,
  type SimConfig,
  simulate,
} from "../../src/core/index.js";
import { exportRun } from "../../src/node/export/export.js";
import { testConfig } from "../core/fixture.js";

/**
 * logs.ndjson the plain way, as the export wrote it before its byte writer: an object per
 * sighting in the documented key order, JSON.stringify, a stable sort by timestamp per day.
 */
async function referenceLogs(config: SimConfig): Promise<string> {
  const { engine, outbreak } = await simulate(config);
  const flags = appUserFlags(engine);
  const idsAt = new IdsAtTime(engine, getIdScheme("bluezone"), nodeCrypto);
  const idOf = (agent: number, t: number) => toHex(idsAt.idAt(agent, t));
  let out = "";
  for (let d = 0; d < config.days; d++) {
    const lines: { timestamp: number }[] = [];
    forEachSightingOfDay(engine, d, flags, (scanner, advertiser, t, rssi, txPower) => {
      if (t >= outbreak.window.end) return;
      lines.push({
        phoneId: phoneIdOf(scanner),
        ownId: idOf(scanner, t),
        contactId: idOf(advertiser, t),
        rssi,
        txPower,
        timestamp: t,
      } as { timestamp: number });
    });
    lines.sort((x, y) => x.timestamp - y.timestamp);
    for (const line of lines) out += `${JSON.stringify(line)}\n`;
  }
  return out;
}

describe("export: logs.ndjson is byte for byte the plain JSON.stringify rendering", () => {
  for (const mode of ["ideal", "realistic"] as const) {
    test(`${mode} BLE`, async () => {
      const config = testConfig({
        seed: 5,
        days: 2,
        regions: [{ id: "a", name: "A", agents: 1_000 }],
        f0: { count: 5, from: "all" },
        ble: { ...testConfig().ble, mode },
      });
      const dir = mkdtempSync(join(tmpdir(), "tracebed-export-"));
      const summary = await exportRun(config, dir, {});
      const logs = readFileSync(join(dir, "logs.ndjson"), "utf8");
      const expected = await referenceLogs(config);
      expect(summary.sightings).toBeGreaterThan(10_000);
      expect(logs.split("\n").length - 1).toBe(summary.sightings);
      // Ideal BLE logs the true, fractional RSSI: the JSON.stringify path of the number writer.
      if (mode === "ideal") expect(logs).toMatch(/"rssi":-\d+\.\d+,/);
      // A mismatch prints two whole files: report the first differing line instead.
      const got = logs.split("\n");
      const want = expected.split("\n");
      const first = got.findIndex((l, i) => l !== want[i]);
      expect(first === -1 ? null : { line: first, got: got[first], want: want[first] }).toBe(null);
      expect(logs === expected).toBe(true);
    });
  }
});
