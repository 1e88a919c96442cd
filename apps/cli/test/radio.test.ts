import { describe, expect, it } from "vitest";
import { tracebed, tracebedJson } from "./cli.js";

describe("tracebed radio", () => {
  it("bus: every pair is within 2 m, so there is no false-positive rate", () => {
    const doc = tracebedJson("radio", "bus-dublin", "--rule", "swiss", "--seed", "3");
    expect(doc.setup).toBe("bus-dublin");
    expect(doc.pairs).toBe(60);
    expect(doc.falsePositiveRate).toBeNull();
    expect(doc.truePositiveRate).toBeLessThanOrEqual(0.05);
    expect(doc.byDistance.map((b: { band: string }) => b.band)).toEqual([
      "≤1 m",
      "1–2 m",
      "2–3 m",
      ">3 m",
    ]);
    expect(doc.comparison.withinTolerance).toBe(true);
  });

  it("tram: the Italian rule notifies about half the pairs, near or far", () => {
    const doc = tracebedJson("radio", "tram-dublin", "--rule", "italian", "--replicates", "400");
    expect(doc.pairs).toBe(72);
    expect(Math.abs(doc.truePositiveRate - 0.5)).toBeLessThanOrEqual(0.15);
    expect(Math.abs(doc.falsePositiveRate - 0.5)).toBeLessThanOrEqual(0.15);
  });

  it("--minutes sets the rule's duration threshold", () => {
    const at10 = tracebedJson("radio", "bus-dublin", "--rule", "threshold", "--minutes", "10");
    const at15 = tracebedJson("radio", "bus-dublin", "--rule", "threshold");
    expect(at10.minutes).toBe(10);
    expect(at10.truePositiveRate).toBeGreaterThan(at15.truePositiveRate);
  });

  it("prints a table of model against paper", () => {
    const r = tracebed("radio", "tram-dublin", "--rule", "german");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/model\s+paper/);
    expect(r.stdout).toMatch(/true positives \(pairs ≤ 2 m\)\s+\d+\.\d%\s+0\.0%/);
  });

  it("refuses an unknown set-up or rule with one line and status 2", () => {
    for (const args of [
      ["radio", "car", "--rule", "swiss"],
      ["radio", "bus-dublin"],
    ]) {
      const r = tracebed(...args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("");
    }
  });
});
