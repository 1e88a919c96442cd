import { describe, expect, it } from "vitest";
import {
  meanSaturation,
  SATURATION_LIMIT,
  type SaturationInput,
  saturationOf,
  suggestAgents,
} from "../../src/sweep/saturation.js";

/** Two districts of a sample: 1/10 of each one's people simulated unless said otherwise. */
function input(
  f1: [number, number],
  f2: [number, number],
  agents: [number, number] = [10_000, 10_000],
  population: [number, number] = [100_000, 100_000],
): SaturationInput {
  return {
    f0: 10,
    regions: [
      { id: "a", agents: agents[0], population: population[0] },
      { id: "b", agents: agents[1], population: population[1] },
    ],
    f1: [
      { region: "a", true: f1[0] },
      { region: "b", true: f1[1] },
    ],
    f2: [
      { region: "a", true: f2[0] },
      { region: "b", true: f2[1] },
    ],
  };
}

describe("saturationOf", () => {
  it("is the share of their district already F1 or F2, averaged over the F2", () => {
    // District a: (100 + 1,900) / 10,000 = 0.2 for 1,900 F2; b: (0 + 100) / 10,000 = 0.01 for 100.
    const s = saturationOf(input([100, 0], [1_900, 100]));
    expect(s.share).toBeCloseTo((1_900 * 0.2 + 100 * 0.01) / 2_000, 10);
    expect(s.f2Share).toBeCloseTo(2_000 / 20_000, 10);
    expect(s.sampled).toBe(true);
    expect(s.saturated).toBe(true);
  });

  it("flags crowded districts that the whole sample hides", () => {
    // 10% of the sample is F2, all in one district of 2,000 (few F0 in a small sample).
    const s = saturationOf(input([40, 0], [1_000, 0], [2_000, 8_000], [20_000, 80_000]));
    expect(s.f2Share).toBeCloseTo(0.1, 10);
    expect(s.share).toBeCloseTo(0.52, 10);
    expect(s.saturated).toBe(true);
  });

  it("does not flag F2 spread thinly, nor a share just under the limit", () => {
    expect(saturationOf(input([30, 30], [500, 500])).saturated).toBe(false);
    const justUnder = Math.floor(SATURATION_LIMIT * 10_000) - 1 - 50;
    const s = saturationOf(input([50, 50], [justUnder, justUnder]));
    expect(s.share).toBeLessThan(SATURATION_LIMIT);
    expect(s.saturated).toBe(false);
    expect(s.suggestedAgents).toBe(20_000);
  });

  it("never flags a run of the whole population: its F2 are real, not a sampling artefact", () => {
    const s = saturationOf(input([200, 200], [5_000, 5_000], [10_000, 10_000], [10_000, 10_000]));
    expect(s.share).toBeGreaterThan(0.5);
    expect(s.sampled).toBe(false);
    expect(s.saturated).toBe(false);
  });

  it("reads no F2 as no saturation, and ignores districts the sample left empty", () => {
    expect(saturationOf(input([0, 0], [0, 0])).share).toBe(0);
    const s = saturationOf(input([10, 10], [300, 300], [10_000, 0]));
    expect(s.share).toBeCloseTo(310 / 10_000, 10);
  });

  it("grows with F0 at a fixed sample and falls with the sample at fixed F0", () => {
    const at = (agents: number, perRegionF2: number) =>
      saturationOf(
        input([perRegionF2 / 25, perRegionF2 / 25], [perRegionF2, perRegionF2], [agents, agents]),
      ).share;
    expect(at(10_000, 2_000)).toBeGreaterThan(at(10_000, 1_000));
    expect(at(50_000, 1_000)).toBeLessThan(at(10_000, 1_000));
  });
});

describe("suggestAgents", () => {
  it("undoes the crowding: the default 20,000 people with 17 F0 (measured) need ≈ 150,000", () => {
    // Means of 8 seeds at 20,000 people: share 0.579, F1 488, F2 8,327 (README); the whole
    // province gives ≈ 14,200 F2, so the uncrowded F2 ≈ 488² / 17 ≈ 14,000.
    const run = { agents: 20_000, share: 0.579, f0: 17, f1: 488, f2: 8_327 };
    expect(suggestAgents(run, 500_000)).toBe(150_000);
    // Without the F2 restated (share alone) it would say 100,000, measured still crowded.
    expect(suggestAgents({ ...run, f0: 0 }, 500_000)).toBe(100_000);
  });

  it("is a multiple of the step, capped, and never smaller than the sample", () => {
    const run = { agents: 100_000, share: 0.2, f0: 17, f1: 500, f2: 12_900 };
    expect(suggestAgents(run, 1_000_000) % 50_000).toBe(0);
    expect(suggestAgents(run, 120_000)).toBe(120_000);
    // Just at the limit, nothing to restate (no F0 known): the next step up.
    const atLimit = { ...run, agents: 180_000, share: SATURATION_LIMIT, f0: 0 };
    expect(suggestAgents(atLimit, 500_000)).toBe(200_000);
    expect(suggestAgents({ ...run, agents: 300_000 }, 200_000)).toBe(300_000);
  });

  it("is what a saturated run suggests, within the scenario's people and the page's limit", () => {
    const s = saturationOf(input([250, 250], [4_000, 4_000]), 200_000);
    expect(s.saturated).toBe(true);
    expect(s.suggestedAgents).toBeGreaterThan(20_000);
    expect(s.suggestedAgents).toBeLessThanOrEqual(200_000);
  });
});

describe("meanSaturation", () => {
  it("averages a point's runs and flags the mean, not any single run", () => {
    const run = (share: number, sampled = true) => ({
      share,
      f2Share: share / 2,
      sampled,
      saturated: sampled && share >= SATURATION_LIMIT,
      suggestedAgents: 0,
    });
    expect(meanSaturation([])).toBeUndefined();
    expect(meanSaturation([run(0.1), run(0.3)])).toEqual({ share: 0.2, saturated: true });
    expect(meanSaturation([run(0.1), run(0.16)])!.saturated).toBe(false);
    expect(meanSaturation([run(0.5, false)])!.saturated).toBe(false);
  });
});
