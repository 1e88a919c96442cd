import { describe, expect, it } from "vitest";
import { csvCell, parseCsv, SWEEP_CSV_HEADER, sweepCsv } from "../src/csv.js";
import { point } from "./fixtures.js";

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

  it("parses quotes, commas, CRLF and a missing final newline", () => {
    expect(parseCsv('a,"b,c"\r\n"d ""e""",f')).toEqual([
      ["a", "b,c"],
      ['d "e"', "f"],
    ]);
  });
});
