import { pointX, recallOf, type SummaryLike, type SweepPointLike } from "./sweep-data.js";

/**
 * The page's one source for its headline numbers. The cards, the chart's markers and the
 * summary sentence all read `estimateAt`: the mean over the sweep's runs at the slider's value
 * (between two swept values, read along the straight line the chart draws between them), with
 * the 95% interval of that mean. Nothing on screen comes from a single run.
 */

/** One headline figure at the slider: mean over runs, its 95% interval, runs behind it. */
export interface Estimate {
  mean: number;
  lo: number;
  hi: number;
  /** Runs behind the estimate (the fewer of the two neighbouring points'). */
  runs: number;
}

export interface Headline {
  /** The slider's value (a share of the population, or a policy's target restated on it). */
  value: number;
  /**
   * Where it sits on the chart, a share of the whole population: the value itself under
   * uniform adoption, the realised adoption under a policy (as the chart plots them).
   */
  adoption: number;
  /** Share of the true F1 the app found. */
  f1: Estimate;
  /** Share of the true F2 the app found. */
  f2: Estimate;
  /**
   * Found beyond manual tracing per F0: in each run, every F1 and F2 the app found that manual
   * tracing missed, pooled over the run's F0 and divided by their number (not a per-index-case
   * figure), then the mean over runs.
   */
  beyondManualPerF0: Estimate;
}

/**
 * Which summary of a sweep point each headline reads. Change a line here (for example to the
 * simulator's per-F0 recall once sweep points carry it) and every number on the page follows.
 */
export const HEADLINE_METRICS = {
  f1: (p: SweepPointLike): SummaryLike => recallOf(p, "f1"),
  f2: (p: SweepPointLike): SummaryLike => recallOf(p, "f2"),
  beyondManualPerF0: (p: SweepPointLike): SummaryLike => p.beyondManualPerF0,
} as const;

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

function between(a: SummaryLike, b: SummaryLike, t: number): Estimate {
  return {
    mean: lerp(a.mean, b.mean, t),
    lo: lerp(a.ci95[0]!, b.ci95[0]!, t),
    hi: lerp(a.ci95[1]!, b.ci95[1]!, t),
    runs: Math.min(a.n, b.n),
  };
}

/**
 * The headline at the slider's value: undefined until the sweep has points on both sides of
 * it (or one exactly at it).
 */
export function estimateAt(
  points: readonly SweepPointLike[],
  value: number,
  mode: "uniform" | "policy" = "uniform",
): Headline | undefined {
  const usable = points
    .filter((p) => recallOf(p, "f1").n > 0 && Number.isFinite(recallOf(p, "f1").mean))
    .sort((a, b) => a.value - b.value);
  const upper = usable.findIndex((p) => p.value >= value - 1e-9);
  if (upper < 0) return undefined;
  const b = usable[upper]!;
  const exact = Math.abs(b.value - value) < 1e-9;
  if (!exact && upper === 0) return undefined;
  const a = exact ? b : usable[upper - 1]!;
  const t = exact || b.value === a.value ? 0 : (value - a.value) / (b.value - a.value);
  const pick = (k: keyof typeof HEADLINE_METRICS) =>
    between(HEADLINE_METRICS[k](a), HEADLINE_METRICS[k](b), t);
  return {
    value,
    adoption: lerp(pointX(a, mode), pointX(b, mode), t),
    f1: pick("f1"),
    f2: pick("f2"),
    beyondManualPerF0: pick("beyondManualPerF0"),
  };
}
