/**
 * The q-quantile of sorted values by linear interpolation between the two nearest ranks (R's
 * type 7); NaN for none. The one quantile of the simulator's figures: per-F0 percentiles and
 * intervals (oracle/per-f0.ts) and a sweep's across seeds (sweep/stats.ts).
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
