import type { Scenario, SimResult } from "@tracebed/sim";
import { configFromScenario } from "@tracebed/sim";
import { LIMITS, type RegionSize, type Saturation, saturationOf } from "@tracebed/viewer";

/**
 * A run's saturation from its own results: its true F1 and F2 by region against the people
 * the run simulated in each region (the same apportionment as the simulator's sample).
 */

/** Simulated people per region for a sample of `agents`, with the scenario's own people. */
export function sampleRegions(s: Scenario, agents: number): RegionSize[] {
  const sample = configFromScenario(s, { agents }).regions;
  return s.regions.map((r, i) => ({
    id: r.id,
    agents: sample[i]!.agents,
    population: r.population,
  }));
}

export function runSaturation(r: SimResult, regions: readonly RegionSize[]): Saturation {
  return saturationOf(
    { regions, f0: r.f0, f1: r.f1.byRegion, f2: r.f2.byRegion },
    LIMITS.agents.max,
  );
}
