import type { Band } from "./url-state.js";

/**
 * What the viewer reads of a sweep: the shape of `@tracebed/sim`'s SweepPoint (the viewer
 * does not import the simulator; any structurally equal value fits).
 */
export interface SummaryLike {
  n: number;
  mean: number;
  ci95: readonly [number, number] | readonly number[];
  p5: number;
  p95: number;
}

export interface CountsLike {
  true: SummaryLike;
  detected: SummaryLike;
  falsePositives: SummaryLike;
  recall: SummaryLike;
  precision?: SummaryLike;
  beyondManual: SummaryLike;
}

export interface SweepPointLike {
  /** The swept value: a uniform share of the population, or the policy's target. */
  value: number;
  /** Realised app users as a share of the whole population. */
  adoption: SummaryLike;
  f1: CountsLike;
  f2: CountsLike;
  beyondManualPerF0: SummaryLike;
  reference: { a2: number; a3: number };
}

/** One plotted point: where it sits, its mean and its band. */
export interface ChartPoint {
  /** Share of the population with the app. */
  x: number;
  mean: number;
  lo: number;
  hi: number;
  /** Runs behind the point. */
  n: number;
  /** The swept value the point came from. */
  value: number;
}

export type Series = "f1" | "f2";

/**
 * Where a point sits on the adoption axis: the swept share itself under uniform adoption, the
 * realised share of the population under a policy (whose caps — smartphone owners, districts
 * at 100% — can hold adoption below the value asked for).
 */
export function pointX(p: SweepPointLike, mode: "uniform" | "policy"): number {
  return mode === "uniform" ? p.value : p.adoption.mean;
}

/** A series (F1 or F2 recall) as chart points, sorted by x; points without a recall dropped. */
export function seriesOf(
  points: readonly SweepPointLike[],
  series: Series,
  band: Band,
  mode: "uniform" | "policy",
): ChartPoint[] {
  return points
    .map((p) => {
      const r = p[series].recall;
      const [lo, hi] = band === "ci" ? [r.ci95[0]!, r.ci95[1]!] : [r.p5, r.p95];
      return {
        x: pointX(p, mode),
        mean: r.mean,
        lo: Math.max(0, lo),
        hi: Math.min(1, hi),
        n: r.n,
        value: p.value,
      };
    })
    .filter((c) => c.n > 0 && Number.isFinite(c.mean))
    .sort((a, b) => a.x - b.x);
}
