import { describe, expect, it } from "vitest";
import {
  csvCell,
  parseCsv,
  SWEEP_CSV_HEADER,
  sweepCsv,
  sweepCsvHeader,
} from "../../src/sweep/csv.js";
import type { Summary } from "../../src/sweep/stats.js";
import type { SweepPoint } from "../../src/sweep/sweep.js";

const s = (mean: number, n = 3): Summary => ({
  n,
  mean,
  ci95: [mean - 0.01, mean + 0.01],
  p5: mean - 0.02,
  p95: mean + 0.02,
});
const counts = (recall: number) => ({
  true: s(100),
  detected: s(100 * recall),
  falsePositives: s(0),
  recall: s(recall),
  precision: s(1),
  beyondManual: s(10),
});
/** A sweep point following a² and a³ exactly, 3 runs, ±0.01 CI, ±0.02 percentiles. */
const point = (a: number): SweepPoint => ({
  value: a,
  adoption: s(a),
  adoptionShortfall: s(0),
  f1: counts(a * a),
  f2: counts(a ** 3),
  beyondManualPerF0: s(4.8),
  perF0: { f1True: s(20), f1Recall: s(a * a), f2True: s(300), f2Recall: s(a ** 3) },
  reference: { a2: a * a, a3: a ** 3 },
});

describe("CSV", () => {
  it("quotes cells only when needed", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvCell(1 / 3)).toBe("0.333333");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("writes a header and one parseable row per point, sorted by value", () => {
    const text = sweepCsv([point(0.6), point(0.08)], {
      scenario: "hung-yen-2020-08-18",
      mode: "uniform",
      agents: 5000,
      seeds: 3,
      seed: 1,
    });
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(SWEEP_CSV_HEADER);
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r).toHaveLength(SWEEP_CSV_HEADER.length);
    const col = (name: string) => SWEEP_CSV_HEADER.indexOf(name);
    expect(Number(rows[1]![col("value")])).toBe(0.08);
    expect(Number(rows[2]![col("f1_recall_mean")])).toBeCloseTo(0.36);
    expect(Number(rows[2]![col("a3")])).toBeCloseTo(0.216);
    expect(rows[2]![col("scenario")]).toBe("hung-yen-2020-08-18");
  });

  it("carries each point's saturation, and leaves the cells empty when it is unknown", () => {
    const meta = { scenario: "s", mode: "uniform" as const, agents: 1000, seeds: 2, seed: 1 };
    const col = (name: string) => SWEEP_CSV_HEADER.indexOf(name);
    const saturation = (v: number) =>
      v === 0.6 ? { share: 0.4123456789, saturated: true } : undefined;
    const [, low, high] = parseCsv(sweepCsv([point(0.08), point(0.6)], { ...meta, saturation }));
    expect(high![col("saturation_share_mean")]).toBe("0.412346");
    expect(high![col("saturated")]).toBe("1");
    expect(low![col("saturation_share_mean")]).toBe("");
    expect(low![col("saturated")]).toBe("");
    const [, plain] = parseCsv(sweepCsv([point(0.6)], meta));
    expect(plain![col("saturated")]).toBe("");
    expect(plain).toHaveLength(SWEEP_CSV_HEADER.length);
  });

  it("starts with the CLI's sweep columns", () => {
    expect(SWEEP_CSV_HEADER.slice(0, 3)).toEqual(["value", "adoption_mean", "adoption_ci95_low"]);
    expect(SWEEP_CSV_HEADER).toContain("f2_beyondManual_p95");
    expect(SWEEP_CSV_HEADER).toContain("beyond_manual_per_f0_mean");
  });

  it("quotes a carriage return too (one rule for every writer)", () => {
    expect(csvCell("a\rb")).toBe('"a\rb"');
  });

  it("with a breakdown: a row per point and region, the region after the value", () => {
    const p = {
      ...point(0.3),
      byRegion: ["a", "b"].map((region) => ({ region, f1: counts(0.1), f2: counts(0.01) })),
      saturation: { share: 0.2, saturated: true },
    };
    const meta = {
      scenario: "s",
      mode: "target",
      agents: 1000,
      seeds: 2,
      seed: 1,
      by: "region" as const,
    };
    const [head, ...rows] = parseCsv(sweepCsv([p], meta));
    expect(head).toEqual(sweepCsvHeader("region"));
    expect(head!.slice(0, 2)).toEqual(["value", "region"]);
    expect(rows.map((r) => r[1])).toEqual(["a", "b"]);
    // The point's own saturation fills the column when no other is given.
    for (const r of rows) expect(r[head!.indexOf("saturated")]).toBe("1");
  });

  it("parses quotes, commas, CRLF and a missing final newline", () => {
    expect(parseCsv('a,"b,c"\r\n"d ""e""",f')).toEqual([
      ["a", "b,c"],
      ['d "e"', "f"],
    ]);
  });
});
