import { SATURATION_LIMIT, type Saturation } from "@tracebed/sim";
import { describe, expect, it } from "vitest";
import type { Headline } from "../src/estimate.js";
import { saturationWarning, summarySentence } from "../src/summary.js";

const sat = (share: number, suggestedAgents: number, sampled = true): Saturation => ({
  share,
  f2Share: share / 2,
  sampled,
  saturated: sampled && share >= SATURATION_LIMIT,
  suggestedAgents,
});
const est = (mean: number, lo: number, hi: number) => ({ mean, lo, hi, runs: 4 });
const counts: Headline = {
  value: 0.6,
  adoption: 0.6,
  f1: est(0.36, 0.33, 0.39),
  f2: est(0.13, 0.11, 0.15),
  beyondManualPerF0: est(12.34, 11, 13),
};

describe("the summary sentence names the design when given", () => {
  it("starts with the design's name in either language; without one it is as before", () => {
    const plain = summarySentence("en", counts);
    expect(summarySentence("en", counts, undefined, "gaen")).toBe(`GAEN — ${plain}`);
    expect(summarySentence("vi", counts, undefined, "bluezone")).toMatch(/^Bluezone — Ở mức/);
    expect(plain).toMatch(/^At 60% adoption/);
  });
});

describe("the saturation warning", () => {
  it("says how crowded the F2's areas are and what sample to use, in both languages", () => {
    const run = { f0: 50, agents: 1_000 };
    expect(saturationWarning("en", sat(0.62, 200_000), run)).toMatch(
      /^⚠ Too few simulated people for 50 F0: .* 62% of the simulated people .* Simulate 200,000 people or more, or use fewer F0\.$/,
    );
    expect(saturationWarning("vi", sat(0.62, 200_000), run)).toMatch(
      /^⚠ Quá ít người mô phỏng cho 50 F0: .* 62% số người mô phỏng .* từ 200\.000 người trở lên/,
    );
  });

  it("asks for fewer F0 when the sample cannot grow", () => {
    const text = saturationWarning("en", sat(0.3, 200_000), { f0: 60, agents: 200_000 });
    expect(text).toMatch(/cannot grow past 200,000 people: use fewer F0\.$/);
  });

  it("is absent below the limit and for a run of the whole population", () => {
    const run = { f0: 17, agents: 200_000 };
    expect(saturationWarning("en", sat(0.1, 200_000), run)).toBeUndefined();
    expect(saturationWarning("vi", sat(0.6, 52_689, false), run)).toBeUndefined();
  });

  it("adds a note to the screen-reader summary only when saturated", () => {
    expect(summarySentence("en", counts)).toBe(
      "At 60% adoption the app finds 36% of an index case's true F1 contacts (95% CI 33%–39%) and 13% of its true F2 (11%–15%), mean of 4 runs; beyond manual tracing it finds 12.3 more people per index case using the app.",
    );
    expect(summarySentence("en", counts)).not.toMatch(/saturated/);
    expect(summarySentence("en", counts, sat(0.1, 1_000))).not.toMatch(/saturated/);
    expect(summarySentence("en", counts, sat(0.45, 100_000))).toMatch(
      /per index case using the app\. Note: the sample is saturated \(45% .*\), so the F2 counts are too low\.$/,
    );
    expect(summarySentence("vi", counts, sat(0.45, 100_000))).toMatch(
      /Lưu ý: mẫu bị bão hoà \(45% /,
    );
  });
});
