/**
 * Per-point summaries of a sweep across seeds. The 95% interval of the mean is a percentile
 * bootstrap over the seeds: resample the seeds' values with replacement, take each resample's
 * mean, read the 2.5th and 97.5th percentiles. Every resampled mean lies between the smallest
 * and largest value, so a share stays within [0, 1] (Student's t, used before, gave
 * 0.8% [-2.5%, 4.0%] with few seeds), and the between-seed variance is what it measures.
 */
import { quantile } from "../core/quantile.js";

/** How the interval is computed; printed in `tracebed sweep --json` as `ci95Method`. */
export const CI95_METHOD = {
  name: "percentile-bootstrap",
  over: "seeds",
  statistic: "mean",
  resamples: 2000,
  level: 0.95,
} as const;

export interface Summary {
  n: number;
  mean: number;
  /** 95% interval of the mean (CI95_METHOD); equal to the mean for one value. */
  ci95: [number, number];
  /** 5th and 95th percentiles across the values (linear interpolation). */
  p5: number;
  p95: number;
}

export { quantile };

/** A small seeded generator (mulberry32): the same values always give the same interval. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The percentile-bootstrap 95% interval of the mean of `values` (CI95_METHOD). */
export function bootstrapMeanInterval(
  values: readonly number[],
  resamples: number = CI95_METHOD.resamples,
): [number, number] {
  const n = values.length;
  if (n === 0) return [Number.NaN, Number.NaN];
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return [mean, mean];
  const random = mulberry32(0x5eed ^ n);
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)]!;
    means[b] = sum / n;
  }
  means.sort();
  const alpha = (1 - CI95_METHOD.level) / 2;
  // A very skewed handful of values can leave the mean just outside its percentiles: widen;
  // then clamp to the values' own range (sums of equal values can round one ulp past them).
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [
    Math.max(lo, Math.min(mean, quantile(means, alpha))),
    Math.min(hi, Math.max(mean, quantile(means, 1 - alpha))),
  ];
}

/** Mean, 95% interval of the mean and 5th–95th percentiles of values (NaN-free). */
export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = n > 0 ? values.reduce((a, b) => a + b, 0) / n : Number.NaN;
  return {
    n,
    mean,
    ci95: n > 0 ? bootstrapMeanInterval(values) : [Number.NaN, Number.NaN],
    p5: quantile(sorted, 0.05),
    p95: quantile(sorted, 0.95),
  };
}
