import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tracebed, tracebedJson } from "./cli.js";

describe("tracebed calibrate", { timeout: 300_000 }, () => {
  test("reports the figure with its CI beside the Ministry's, the NHS cross-check, one tornado bar per sensitivity row", () => {
    const out = mkdtempSync(join(tmpdir(), "tracebed-calibrate-"));
    const d = tracebedJson("calibrate", "--seeds", "2", "--agents", "8000", "--out", out);
    expect(d.scenario).toBe("can-giuoc-2020-08-14");
    expect(d.seeds).toEqual([1, 2]);
    expect(d.agents).toBe(8000);
    const b = d.beyondManualPerF0;
    expect(b.bySeed).toHaveLength(2);
    expect(b.mean).toBeCloseTo((b.bySeed[0] + b.bySeed[1]) / 2, 10);
    expect(b.ci95[0]).toBeGreaterThanOrEqual(0);
    expect(b.ci95[0]).toBeLessThanOrEqual(b.mean);
    expect(b.ci95[1]).toBeGreaterThanOrEqual(b.mean);
    expect(d.ministry).toBe(4.8);
    expect(d.nhs.uptake).toBe(0.28);
    expect(d.nhs.published).toBe(4.2);
    expect(d.nhs.notifiedPerIndexCase).toBeCloseTo(
      d.nhs.trueNotifiedPerIndexCase + d.nhs.falseNotifiedPerIndexCase,
      10,
    );
    // August 2020: 15.7M installs of 97.6M people, the scenario's active share of them.
    expect(Math.abs(d.adoption.installs - 15.7 / 97.58)).toBeLessThan(0.01);
    expect(d.adoption.activeApps).toBeLessThan(d.adoption.installs);
    const names = d.sensitivity.map((s: { parameter: string }) => s.parameter);
    expect(names).toEqual(
      expect.arrayContaining([
        "installShare",
        "activeShare",
        "transitAttenuation",
        "indoorPlacementLoss",
        "manualRecallKnown",
        "manualRecallStrangers",
        "contactsPerDay",
        "regularShare",
        "iosBackgroundShare",
      ]),
    );
    for (const s of d.sensitivity) {
      expect(Object.keys(s)).toEqual(
        expect.arrayContaining(["parameter", "low", "high", "atLow", "atHigh"]),
      );
      expect(s.low).toBeLessThan(s.high);
      expect(s.atLow).toBeGreaterThanOrEqual(0);
      expect(s.atHigh).toBeGreaterThanOrEqual(0);
    }
    const svg = readFileSync(join(out, "tornado.svg"), "utf8");
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(d.sensitivity.length);
    expect(svg).toContain('class="reference"');
  });

  test("a bad --seeds is a usage error", () => {
    const r = tracebed("calibrate", "--seeds", "0");
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
