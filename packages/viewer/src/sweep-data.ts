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
  /** Per index case: each run's mean over its F0's own chains, summarised over the runs. */
  perF0: { f1Recall: SummaryLike; f2Recall: SummaryLike };
  reference: { a2: number; a3: number };
}

/**
 * The recall the page shows for a series: per F0 (the share of one index case's own F1, or
 * F2, that the app finds, averaged over F0), which does not drift with how many F0 a run
 * seeds (docs/MODEL.md, "Definitions").
 */
export function recallOf(p: SweepPointLike, series: Series): SummaryLike {
  return series === "f1" ? p.perF0.f1Recall : p.perF0.f2Recall;
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

/** A series (F1 or F2 recall per F0) as chart points, sorted by x; points without one dropped. */
export function seriesOf(
  points: readonly SweepPointLike[],
  series: Series,
  band: Band,
  mode: "uniform" | "policy",
): ChartPoint[] {
  return points
    .map((p) => {
      const r = recallOf(p, series);
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
