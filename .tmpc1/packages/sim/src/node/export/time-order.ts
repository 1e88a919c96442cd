/** Widest span of whole seconds sorted by counting (a day's sightings span about 86,400). */
const MAX_COUNTING_SPAN = 1 << 22;

/**
 * Indices 0 … n-1 of `t` in time order, ties in index order: the order a stable sort by
 * timestamp (Array.prototype.sort) gives. Whole-second timestamps within a bounded span take
 * a counting sort, O(n); anything else falls back to a stable comparison sort.
 */
export function timeOrder(t: Float64Array, n: number): Uint32Array {
  const order = new Uint32Array(n);
  if (n === 0) return order;
  let min = t[0]!;
  let max = t[0]!;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const x = t[i]!;
    if (!Number.isInteger(x)) {
      whole = false;
      break;
    }
    if (x < min) min = x;
    else if (x > max) max = x;
  }
  if (!whole || max - min >= MAX_COUNTING_SPAN) return comparisonOrder(t, n, order);
  // Counting sort: slot starts per second, then place indices in ascending order (stable).
  const start = new Uint32Array(max - min + 2);
  for (let i = 0; i < n; i++) {
    const k = t[i]! - min + 1;
    start[k] = start[k]! + 1;
  }
  for (let s = 1; s < start.length; s++) start[s] = start[s]! + start[s - 1]!;
  for (let i = 0; i < n; i++) {
    const k = t[i]! - min;
    order[start[k]!] = i;
    start[k] = start[k]! + 1;
  }
  return order;
}

function comparisonOrder(t: Float64Array, n: number, order: Uint32Array): Uint32Array {
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((x, y) => t[x]! - t[y]!);
  order.set(idx);
  return order;
}
