import type { AdoptionConfig, Denominator } from "../core/config.js";
import {
  denominatorShare,
  regionAdoptionShares,
  type Scenario,
  toShareOfPopulation,
} from "../scenario/index.js";

/** How a run's adoption is chosen (the CLI's --adoption / --target, or the scenario's own). */
export type AdoptionChoice =
  | { kind: "scenario" }
  | { kind: "uniform"; share: number }
  | { kind: "target"; share: number };

/** Whole days from `from` to `to` (YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The scenario's observed timeline as a share of the population on each simulated day (linear
 * between points, flat outside them), or undefined without two observed points.
 */
function timelineShares(s: Scenario, days: number): number[] | undefined {
  const points = (s.adoption.timeline ?? [])
    .filter((p) => p.kind === "observed")
    .map((p) => {
      const share =
        p.share !== undefined && p.of !== undefined
          ? toShareOfPopulation(s, p.share, p.of)
          : p.count !== undefined
            ? p.count / s.regions.reduce((a, r) => a + r.population, 0)
            : undefined;
      return share === undefined ? undefined : { day: daysBetween(s.startDate, p.date), share };
    })
    .filter((p): p is { day: number; share: number } => p !== undefined)
    .sort((a, b) => a.day - b.day);
  if (points.length < 2) return undefined;
  return Array.from({ length: days }, (_, d) => {
    if (d <= points[0]!.day) return points[0]!.share;
    const next = points.findIndex((p) => p.day >= d);
    if (next < 0) return points[points.length - 1]!.share;
    const a = points[next - 1]!;
    const b = points[next]!;
    return a.share + ((b.share - a.share) * (d - a.day)) / (b.day - a.day);
  });
}

/**
 * The denominator of the scenario's first target about everyone (a letter may only set one
 * for a group, e.g. officials: then the population).
 */
export function populationTarget(s: Scenario): Denominator {
  return (
    [s.target, ...(s.otherTargets ?? [])].find((t) => t.group === undefined)?.of ?? "population"
  );
}

export interface ResolvedAdoption {
  config: AdoptionConfig;
  /** What the adoption stands for, for reports. */
  denominator: Denominator;
}

/**
 * The engine's adoption for a run.
 * - scenario: each region's stated figure (count, or share of its denominator), as a share of
 *   the region's population; with a timeline, users install along it and the run ends at the
 *   timeline's value on its last day.
 * - uniform: share A of everyone, independently of phones, districts and groups (the
 *   reference runs).
 * - target: the scenario's regional pattern scaled so that the whole scenario reaches A on
 *   the denominator of its population-wide target; groups at 100% stay there.
 */
export function resolveAdoption(
  s: Scenario,
  choice: AdoptionChoice,
  days: number,
): ResolvedAdoption {
  if (choice.kind === "uniform") {
    return { config: { mode: "uniform", share: choice.share }, denominator: "population" };
  }
  const regional = regionAdoptionShares(s);
  const population = regional.reduce((a, r) => a + r.population, 0);
  const overall = regional.reduce((a, r) => a + r.shareOfPopulation * r.population, 0) / population;
  if (choice.kind === "target") {
    const of = populationTarget(s);
    const wanted = toShareOfPopulation(s, choice.share, of);
    const scale = overall > 0 ? wanted / overall : 0;
    const denominatorOfPopulation = denominatorShare(s, of);
    return {
      config: {
        mode: "policy",
        denominator: of,
        byRegion: regional.map((r) =>
          overall > 0
            ? Math.min(1, (r.shareOfPopulation * scale) / denominatorOfPopulation)
            : choice.share,
        ),
      },
      denominator: of,
    };
  }
  const timeline = timelineShares(s, days);
  const finalShare = timeline ? timeline[timeline.length - 1]! : overall;
  const scale = overall > 0 ? finalShare / overall : 1;
  return {
    config: {
      mode: "policy",
      denominator: "population",
      byRegion: regional.map((r) => Math.min(1, r.shareOfPopulation * scale)),
      ...(timeline && finalShare > 0
        ? { ramp: timeline.map((x) => Math.min(1, x / finalShare)) }
        : {}),
    },
    denominator: "population",
  };
}
