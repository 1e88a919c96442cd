import { describe, expect, test } from "vitest";
import { buildPopulation, FLAG_ADULT, FLAG_SMARTPHONE, SeedTree } from "../../src/core/index.js";
import { testConfig } from "./fixture.js";

const config = testConfig({
  regions: [
    { id: "a", name: "A", agents: 30_000 },
    { id: "b", name: "B", agents: 20_000 },
  ],
});
const { population: pop } = buildPopulation(config, new SeedTree(7));
const households = pop.householdStart.length - 1;

describe("households", () => {
  test("sizes follow the distribution", () => {
    const counts = new Array(config.householdSizes.length).fill(0);
    for (let h = 0; h < households; h++)
      counts[pop.householdStart[h + 1]! - pop.householdStart[h]! - 1] += 1;
    config.householdSizes.forEach((p, i) => {
      expect(Math.abs(counts[i] / households - p)).toBeLessThan(0.015);
    });
    const mean = config.householdSizes.reduce((a, p, i) => a + p * (i + 1), 0);
    expect(pop.size / households).toBeGreaterThan(mean * 0.98);
    expect(pop.size / households).toBeLessThan(mean * 1.02);
  });

  test("never cross a region boundary", () => {
    const boundary = pop.regionStart[1]!;
    expect([...pop.householdStart]).toContain(boundary);
  });

  test("every household has an adult", () => {
    let without = 0;
    for (let h = 0; h < households; h++) {
      let adults = 0;
      for (let a = pop.householdStart[h]!; a < pop.householdStart[h + 1]!; a++)
        adults += pop.flags[a]! & FLAG_ADULT ? 1 : 0;
      if (adults === 0) without++;
    }
    expect(without / households).toBeLessThan(0.001);
  });
});

describe("ages and phones", () => {
  test("age shares are exact in every region", () => {
    for (let r = 0; r < config.regions.length; r++) {
      const lo = pop.regionStart[r]!;
      const hi = pop.regionStart[r + 1]!;
      const counts = new Array(config.ageBands.length).fill(0);
      for (let i = lo; i < hi; i++) counts[pop.ageBand[i]!] += 1;
      config.ageBands.forEach((b, i) => {
        expect(Math.abs(counts[i] - b.share * (hi - lo))).toBeLessThanOrEqual(1);
      });
    }
  });

  test("smartphone ownership by age band within ±0.02", () => {
    const own = config.ageBands.map(() => [0, 0]);
    for (let i = 0; i < pop.size; i++) {
      own[pop.ageBand[i]!]![0]! += 1;
      if (pop.flags[i]! & FLAG_SMARTPHONE) own[pop.ageBand[i]!]![1]! += 1;
    }
    config.ageBands.forEach((b, i) => {
      expect(Math.abs(own[i]![1]! / own[i]![0]! - b.smartphone)).toBeLessThan(0.02);
    });
  });
});
