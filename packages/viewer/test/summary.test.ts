import { SATURATION_LIMIT, type Saturation } from "@tracebed/sim";
import { describe, expect, it } from "vitest";
import { saturationWarning, summarySentence } from "../src/summary.js";

const sat = (share: number, suggestedAgents: number, sampled = true): Saturation => ({
  share,
  f2Share: share / 2,
  sampled,
  saturated: sampled && share >= SATURATION_LIMIT,
  suggestedAgents,
});
const counts = { adoption: 0.6, f0: 50, f1True: 1200, f1Found: 400, f2True: 600, f2Found: 150 };

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
    expect(summarySentence("en", counts)).not.toMatch(/saturated/);
    expect(summarySentence("en", { ...counts, saturation: sat(0.1, 1_000) })).not.toMatch(
      /saturated/,
    );
    expect(summarySentence("en", { ...counts, saturation: sat(0.45, 100_000) })).toMatch(
      /of 50 F0\. Note: the sample is saturated \(45% .*\), so the F2 counts are too low\.$/,
    );
    expect(summarySentence("vi", { ...counts, saturation: sat(0.45, 100_000) })).toMatch(
      /Lưu ý: mẫu bị bão hoà \(45% /,
    );
  });
});
