import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/core/simulate.js";
import { configFromScenario } from "../../src/model/from-scenario.js";
import { parseScenario } from "../../src/scenario/index.js";
import { runSaturation, sampleRegions } from "../../src/sweep/saturation.js";

const id = "hung-yen-2020-08-18";
const s = parseScenario(
  JSON.parse(readFileSync(new URL(`../../../../scenarios/${id}.json`, import.meta.url), "utf8")),
  id,
);
const population = s.regions.reduce((a, r) => a + r.population, 0);

describe("a run's saturation from its own results", () => {
  it("sizes the regions as the simulator samples them", () => {
    const regions = sampleRegions(s, 20_000);
    expect(regions.map((r) => r.id)).toEqual(s.regions.map((r) => r.id));
    expect(regions.reduce((a, r) => a + r.agents, 0)).toBe(20_000);
    const whole = sampleRegions(s, 10_000_000);
    expect(whole.every((r) => r.agents === r.population)).toBe(true);
    expect(whole.reduce((a, r) => a + r.agents, 0)).toBe(population);
  });

  it("flags many F0 in a small sample and eases as the sample grows", async () => {
    const at = async (agents: number, f0: number) => {
      const config = configFromScenario(s, {
        seed: 4,
        agents,
        f0,
        adoption: { kind: "uniform", share: 0.3 },
        ble: "ideal",
      });
      const { result } = await simulate(config);
      return runSaturation(result, sampleRegions(s, agents));
    };
    const crowded = await at(1_000, 50);
    expect(crowded.saturated).toBe(true);
    expect(crowded.share).toBeGreaterThan(0.5);
    expect(crowded.suggestedAgents).toBeGreaterThan(1_000);
    const small = await at(4_000, 4);
    const larger = await at(40_000, 4);
    expect(larger.share).toBeLessThan(small.share);
  });
});
