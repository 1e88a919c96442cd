import { describe, expect, it } from "vitest";
import { districtRows } from "../src/district-table.js";
import { contrast, PALETTE } from "../src/palette.js";
import { presetText } from "../src/presets.js";
import { seriesOf } from "../src/sweep-data.js";
import { point } from "./fixtures.js";

describe("sweep series", () => {
  it("takes the mean and the chosen band, sorted by adoption", () => {
    const pts = [point(0.6), point(0.08), point(0.3)];
    const f1 = seriesOf(pts, "f1", "pct", "uniform");
    expect(f1.map((p) => p.x)).toEqual([0.08, 0.3, 0.6]);
    expect(f1[2]!.mean).toBeCloseTo(0.36);
    expect(f1[2]!.lo).toBeCloseTo(0.34);
    const ci = seriesOf(pts, "f1", "ci", "uniform");
    expect(ci[2]!.hi).toBeCloseTo(0.37);
  });

  it("places policy points at their realised adoption", () => {
    const p = point(0.6);
    p.adoption = { ...p.adoption, mean: 0.52 };
    expect(seriesOf([p], "f2", "pct", "policy")[0]!.x).toBe(0.52);
    expect(seriesOf([p], "f2", "pct", "uniform")[0]!.x).toBe(0.6);
  });

  it("drops points with no recall and clips bands to 0–1", () => {
    const p = point(0.05);
    p.perF0 = { ...p.perF0, f1Recall: { n: 0, mean: Number.NaN, ci95: [0, 0], p5: 0, p95: 0 } };
    expect(seriesOf([p], "f1", "pct", "uniform")).toEqual([]);
    expect(seriesOf([point(0.01)], "f2", "pct", "uniform")[0]!.lo).toBe(0);
  });
});

describe("district table", () => {
  const model = { targetShare: 0.432, detectionAt: (a: number) => a * a, trueF1PerF0: 30 };
  it("computes adoption, the gap and extra F1 per district", () => {
    const { rows, total } = districtRows(
      [
        { id: "gia-nghia", name: "Gia Nghĩa", users: 13404, population: 63046 },
        { id: "x", name: "Above target", users: 500, population: 1000 },
      ],
      model,
    );
    expect(rows[0]!.adoption).toBeCloseTo(0.2126, 4);
    expect(rows[0]!.gapPeople).toBeCloseTo((0.432 - 13404 / 63046) * 63046, 6);
    expect(rows[0]!.extraF1PerF0).toBeCloseTo(30 * (0.432 ** 2 - (13404 / 63046) ** 2), 6);
    expect(rows[1]!.gapPeople).toBe(0);
    expect(rows[1]!.extraF1PerF0).toBe(0);
    expect(total.users).toBe(13904);
    expect(total.gapPeople).toBeCloseTo(rows[0]!.gapPeople, 6);
  });

  it("leaves extra F1 unknown until the sweep is there", () => {
    const { rows } = districtRows([{ id: "a", name: "A", users: 1, population: 10 }], {
      ...model,
      trueF1PerF0: undefined,
    });
    expect(rows[0]!.extraF1PerF0).toBeUndefined();
  });
});

describe("presets and palette", () => {
  it("splits a preset label into who, the stated figure and the letter", () => {
    const p = {
      id: "can-giuoc/target-0",
      kind: "target" as const,
      shareOfPopulation: 0.2578,
      reachableWithSmartphones: true,
      letter: "4195/UBND-VHXXH",
      label: {
        vi: "Mục tiêu của UBND huyện Cần Giuộc: ≥ 50% người dùng điện thoại thông minh, đến 20/8/2020 → 25,78% dân số (CV 4195/UBND-VHXXH)",
        en: "Target set by Cần Giuộc district People's Committee: ≥ 50% of smartphone users, by 20 Aug 2020 → 25.78% of the population (letter 4195/UBND-VHXXH)",
      },
    };
    expect(presetText(p, "vi")).toEqual({
      value: "25,78%",
      title: "Mục tiêu của UBND huyện Cần Giuộc",
      stated: "≥ 50% người dùng điện thoại thông minh, đến 20/8/2020",
      letter: "CV 4195/UBND-VHXXH",
    });
    expect(presetText(p, "en").stated).toBe("≥ 50% of smartphone users, by 20 Aug 2020");
  });

  it("text colours meet WCAG AA on white", () => {
    expect(contrast(PALETTE.text, PALETTE.background)).toBeGreaterThan(7);
    expect(contrast(PALETTE.muted, PALETTE.background)).toBeGreaterThan(4.5);
    expect(contrast(PALETTE.f1, PALETTE.background)).toBeGreaterThan(4.5);
  });
});
