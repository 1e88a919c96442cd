/** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];

export interface Summary {
  n: number;
  mean: number;
  /** 95% confidence interval of the mean (Student's t); equal to the mean for one value. */
  ci95: [number, number];
  /** 5th and 95th percentiles across the values (linear interpolation). */
  p5: number;
  p95: number;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Mean, 95% CI of the mean and 5th–95th percentiles of values (NaN-free). */
export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = n > 0 ? values.reduce((a, b) => a + b, 0) / n : Number.NaN;
  let half = 0;
  if (n > 1) {
    const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
    const t = n - 1 <= T975.length ? T975[n - 2]! : 1.96;
    half = (t * Math.sqrt(variance)) / Math.sqrt(n);
  }
  return {
    n,
    mean,
    ci95: [mean - half, mean + half],
    p5: quantile(sorted, 0.05),
    p95: quantile(sorted, 0.95),
  };
}
