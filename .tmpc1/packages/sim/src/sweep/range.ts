/**
 * Points of a `FROM:TO:STEP` range; TO is included (within floating-point slack). Throws a
 * one-line error naming the rule broken.
 */
export function parseRange(text: string, what = "range"): number[] {
  const parts = text.split(":");
  const nums = parts.map(Number);
  if (
    parts.length !== 3 ||
    parts.some((p) => p.trim() === "") ||
    nums.some((x) => !Number.isFinite(x))
  ) {
    throw new RangeError(`${what}: must be FROM:TO:STEP with three numbers, e.g. 0.08:0.6:0.04`);
  }
  const [from, to, step] = nums as [number, number, number];
  if (step <= 0) throw new RangeError(`${what}: STEP must be greater than 0`);
  if (to < from) throw new RangeError(`${what}: TO must not be less than FROM`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > 1000) throw new RangeError(`${what}: at most 1000 points (this range has ${count})`);
  const points = Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(10)));
  if (Math.abs(points[points.length - 1]! - to) > 1e-9 && points[points.length - 1]! < to)
    points.push(to);
  return points;
}
