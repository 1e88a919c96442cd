/** The median of some numbers (the mean of the middle two for an even count); NaN for none. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The runs' figures folded into one: every number the median of that number over the runs,
 * objects and same-length arrays field by field; anything else (a string, a flag, arrays of
 * other lengths) from the first run.
 */
export function medianOf<T>(runs: readonly T[]): T {
  const first = runs[0] as T;
  if (runs.length <= 1) return first;
  if (typeof first === "number") return median(runs as readonly number[]) as T;
  if (Array.isArray(first)) {
    const same = runs.every((r) => Array.isArray(r) && r.length === first.length);
    if (!same) return first;
    return first.map((_, i) => medianOf(runs.map((r) => (r as unknown[])[i]))) as T;
  }
  if (first !== null && typeof first === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(first)) {
      const values = runs.map((r) => (r as Record<string, unknown>)[k]);
      out[k] = medianOf(values);
    }
    return out as T;
  }
  return first;
}
