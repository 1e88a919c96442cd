import type { Scenario, ScenarioLayer } from "./schema.js";

type Dist = ScenarioLayer["durationMinutes"];

/** erf(x), Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7). */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-x * x));
}

/** P(X ≤ x) for a scenario distribution (lognormal clamped to [min, max] as the engine draws it). */
export function distributionCdf(d: Dist, x: number): number {
  switch (d.family) {
    case "fixed":
      return x >= d.value ? 1 : 0;
    case "uniform":
      return x <= d.min ? 0 : x >= d.max ? 1 : (x - d.min) / (d.max - d.min);
    case "lognormal": {
      if (d.max !== undefined && x >= d.max) return 1;
      if (d.min !== undefined && x < d.min) return 0;
      if (x <= 0) return 0;
      if (d.sigma === 0) return x >= d.median ? 1 : 0;
      return 0.5 * (1 + erf(Math.log(x / d.median) / (d.sigma * Math.SQRT2)));
    }
  }
}

/**
 * Share of a layer's contacts that are close (≤ maxDistance for ≥ minMinutes), taking
 * distance and duration as independent.
 */
export function closeContactShare(layer: ScenarioLayer, close: Scenario["closeContact"]): number {
  const near = distributionCdf(layer.distanceMeters, close.maxDistanceMeters);
  const long = 1 - distributionCdf(layer.durationMinutes, close.minMinutes);
  return near * Math.max(0, long);
}

/** Mean household size over households (the last size counted as itself). */
export function meanHouseholdSize(s: Scenario): number {
  let m = 0;
  for (const e of s.households.sizeShares) m += e.size * e.share;
  return m;
}

/** Household members an average person lives with: E[size²] / E[size] − 1. */
export function meanHouseholdContacts(s: Scenario): number {
  let m1 = 0;
  let m2 = 0;
  for (const e of s.households.sizeShares) {
    m1 += e.size * e.share;
    m2 += e.size * e.size * e.share;
  }
  return m2 / m1 - 1;
}

/** Contacts per day of an agent in each age band (band id → mean) in one layer. */
export function layerContactsByBand(s: Scenario, layer: ScenarioLayer): Map<string, number> {
  const c = layer.contactsPerDay;
  const household = c.allHouseholdMembers ? meanHouseholdContacts(s) : undefined;
  return new Map(
    s.ageBands.map((b) => [b.id, household ?? c.mean ?? c.byAgeBand?.[b.id] ?? 0] as const),
  );
}

/** Mean contacts per agent per day in one layer, over the whole population. */
export function layerMeanContacts(s: Scenario, layer: ScenarioLayer): number {
  const byBand = layerContactsByBand(s, layer);
  let m = 0;
  for (const b of s.ageBands) m += b.share * (byBand.get(b.id) ?? 0);
  return m;
}

/** Mean contacts per agent per day, all layers together. */
export function meanContactsPerDay(s: Scenario): number {
  let m = 0;
  for (const layer of s.layers) m += layerMeanContacts(s, layer);
  return m;
}
