import { ADULT_AGE } from "./checks-population.js";
import type { Scenario, ScenarioDenominator } from "./schema.js";

/** People in all regions. */
export function totalPopulation(s: Scenario): number {
  let n = 0;
  for (const r of s.regions) n += r.population;
  return n;
}

/** Share of the population aged 18 or more (the letters' "dân số trưởng thành"). */
export function adultShare(s: Scenario): number {
  let a = 0;
  for (const b of s.ageBands) if (b.minAge >= ADULT_AGE) a += b.share;
  return a;
}

/** Share of the population owning a smartphone: Σ band share × band ownership. */
export function smartphoneShare(s: Scenario): number {
  let a = 0;
  for (const b of s.ageBands) a += b.share * b.smartphoneOwnership;
  return a;
}

/** How big a denominator is, as a share of the whole population. */
export function denominatorShare(s: Scenario, of: ScenarioDenominator): number {
  switch (of) {
    case "population":
      return 1;
    case "adults":
      return adultShare(s);
    case "smartphoneUsers":
      return smartphoneShare(s);
  }
}

/** `share` of `of` (e.g. 0.6 of adults) as a share of the whole population. */
export function toShareOfPopulation(s: Scenario, share: number, of: ScenarioDenominator): number {
  return share * denominatorShare(s, of);
}

/** A share of the whole population restated on `of` (may exceed 1: more users than `of`). */
export function fromShareOfPopulation(
  s: Scenario,
  shareOfPopulation: number,
  of: ScenarioDenominator,
): number {
  return shareOfPopulation / denominatorShare(s, of);
}

/**
 * The scenario's adoption as a share of its whole population: the stated share converted
 * from its denominator, or else the counted users over the modelled population.
 */
export function adoptionAsShareOfPopulation(s: Scenario): number {
  const a = s.adoption;
  if (a.share !== undefined && a.of !== undefined) return toShareOfPopulation(s, a.share, a.of);
  return (a.count ?? 0) / totalPopulation(s);
}

/** The scenario's adoption restated on another denominator. */
export function adoptionOn(s: Scenario, of: ScenarioDenominator): number {
  return fromShareOfPopulation(s, adoptionAsShareOfPopulation(s), of);
}

/**
 * Whether a share of the population is reachable when only smartphone owners can install the
 * app (within 1e-9). The Government's 60% of the population is not, where fewer than 60%
 * own a smartphone.
 */
export function reachableWithSmartphones(s: Scenario, shareOfPopulation: number): boolean {
  return shareOfPopulation <= smartphoneShare(s) + 1e-9;
}
