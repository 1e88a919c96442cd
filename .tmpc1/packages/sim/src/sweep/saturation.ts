import type { SimResult } from "../core/simulate.js";
import { configFromScenario } from "../model/from-scenario.js";
import type { Scenario } from "../scenario/index.js";

/**
 * Whether a run's sample is too small for its F0. Markets, shops and transport mix people
 * inside their own district, so when a district's simulated people are largely F1 or F2
 * already, an F1's new contacts keep landing on people counted before: the sample runs out
 * of people two steps away and its F2 count falls short of what the whole population, with
 * the same F0, would give. The share of the F2's own district already reached predicts that
 * shortfall far better than F2 / all agents (few F0 in a small sample crowd their districts
 * while the sample as a whole looks empty); the numbers are in packages/viewer/README.md.
 */

/** Warn from here: measured F2 shortfall ≈ 0.55–0.7 × the share, so about 9–10% here. */
export const SATURATION_LIMIT = 0.15;

/** Samples suggested in steps this coarse (the per-run cost grows with it; packages/viewer/README.md). */
const SUGGESTION_STEP = 50_000;

export interface RegionSize {
  id: string;
  /** Simulated people in the region. */
  agents: number;
  /** People the scenario gives the region (the sample is drawn from them). */
  population: number;
}

export interface RegionTrue {
  region: string;
  true: number;
}

/** A run's own figures: its sample by region, its F0 and its true F1 and F2 by region. */
export interface SaturationInput {
  regions: readonly RegionSize[];
  f0: number;
  f1: readonly RegionTrue[];
  f2: readonly RegionTrue[];
}

export interface Saturation {
  /** (F1 + F2) / simulated people of a region, averaged over the F2 (each F2 weighs once). */
  share: number;
  /** True F2 / all simulated people: the cruder measure, kept for comparison (packages/viewer/README.md). */
  f2Share: number;
  /** The run is a sample (fewer agents than the scenario's people), so a larger one helps. */
  sampled: boolean;
  /** A sampled run whose share reaches SATURATION_LIMIT. */
  saturated: boolean;
  /**
   * A sample size that should bring the share under the limit (a multiple of 50,000, at most
   * the scenario's people and `maxAgents`); equal to the current size when not saturated.
   */
  suggestedAgents: number;
}

/** The saturation of one run, from its own results. */
export function saturationOf(
  input: SaturationInput,
  maxAgents = Number.POSITIVE_INFINITY,
): Saturation {
  const size = new Map(input.regions.map((r) => [r.id, r.agents]));
  const f1 = new Map(input.f1.map((r) => [r.region, r.true]));
  let f2Total = 0;
  let weighted = 0;
  const f1Total = input.f1.reduce((a, r) => a + r.true, 0);
  for (const r of input.f2) {
    const n = size.get(r.region) ?? 0;
    if (r.true <= 0 || n <= 0) continue;
    f2Total += r.true;
    weighted += r.true * Math.min(1, (r.true + (f1.get(r.region) ?? 0)) / n);
  }
  const agents = input.regions.reduce((a, r) => a + r.agents, 0);
  const population = input.regions.reduce((a, r) => a + r.population, 0);
  const share = f2Total > 0 ? weighted / f2Total : 0;
  const sampled = agents < population;
  const saturated = sampled && share >= SATURATION_LIMIT;
  return {
    share,
    f2Share: agents > 0 ? f2Total / agents : 0,
    sampled,
    saturated,
    suggestedAgents: saturated
      ? suggestAgents(
          { agents, share, f0: input.f0, f1: f1Total, f2: f2Total },
          Math.min(population, maxAgents),
        )
      : agents,
  };
}

/**
 * The sample that would bring the share under the limit. In a crowded sample the F2 count
 * itself is short, so the share is first restated as if the F2 had not overlapped: a person
 * has about as many distinct contacts as an F0 has F1, so the uncrowded F2 count is about
 * F1² / F0 (measured on Hưng Yên: 28.6 F2 per F1 against 29.2 F1 per F0 on the whole
 * province). The share then falls in proportion to the sample. Rounded up to a coarse step;
 * an estimate, the page says "or more".
 */
export function suggestAgents(
  run: { agents: number; share: number; f0: number; f1: number; f2: number },
  cap: number,
): number {
  const uncrowded = run.f0 > 0 ? Math.max(run.f2, (run.f1 * run.f1) / run.f0) : run.f2;
  const share = run.f2 > 0 ? (run.share * uncrowded) / run.f2 : run.share;
  const needed = (run.agents * share) / SATURATION_LIMIT;
  const rounded = Math.ceil(needed / SUGGESTION_STEP) * SUGGESTION_STEP;
  return Math.max(run.agents, Math.min(cap, rounded));
}

/** Several runs of one sweep point: their mean share, saturated if that mean is (CSV rows). */
export function meanSaturation(
  runs: readonly Saturation[],
): { share: number; saturated: boolean } | undefined {
  if (runs.length === 0) return undefined;
  const share = runs.reduce((a, r) => a + r.share, 0) / runs.length;
  return { share, saturated: runs.every((r) => r.sampled) && share >= SATURATION_LIMIT };
}

/** Simulated people per region for a sample of `agents`, with the scenario's own people. */
export function sampleRegions(s: Scenario, agents: number): RegionSize[] {
  const sample = configFromScenario(s, { agents }).regions;
  return s.regions.map((r, i) => ({
    id: r.id,
    agents: sample[i]!.agents,
    population: r.population,
  }));
}

/**
 * A run's saturation from its own results: its true F1 and F2 by region against the people
 * the run simulated in each region (the same apportionment as the simulator's sample).
 */
export function runSaturation(
  r: SimResult,
  regions: readonly RegionSize[],
  maxAgents = Number.POSITIVE_INFINITY,
): Saturation {
  return saturationOf({ regions, f0: r.f0, f1: r.f1.byRegion, f2: r.f2.byRegion }, maxAgents);
}
