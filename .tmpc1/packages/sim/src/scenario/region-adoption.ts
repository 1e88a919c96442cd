import { adoptionAsShareOfPopulation, toShareOfPopulation } from "./denominators.js";
import type { Scenario } from "./schema.js";

export interface RegionAdoption {
  region: string;
  population: number;
  /** App users as a share of the region's population. */
  shareOfPopulation: number;
  /** Where the figure comes from: a counted figure, a stated share, or the scenario-wide value. */
  basis: "count" | "share" | "scenario";
}

/**
 * Adoption per region as a share of each region's population: the region's own count or
 * share when `adoption.byRegion` gives one, else the scenario-wide share.
 */
export function regionAdoptionShares(s: Scenario): RegionAdoption[] {
  const overall = adoptionAsShareOfPopulation(s);
  const byRegion = new Map((s.adoption.byRegion ?? []).map((e) => [e.region, e]));
  return s.regions.map((r) => {
    const e = byRegion.get(r.id);
    if (e?.share !== undefined && e.of !== undefined) {
      return {
        region: r.id,
        population: r.population,
        shareOfPopulation: toShareOfPopulation(s, e.share, e.of),
        basis: "share",
      };
    }
    if (e?.count !== undefined) {
      return {
        region: r.id,
        population: r.population,
        shareOfPopulation: e.count / r.population,
        basis: "count",
      };
    }
    return {
      region: r.id,
      population: r.population,
      shareOfPopulation: overall,
      basis: "scenario",
    };
  });
}
