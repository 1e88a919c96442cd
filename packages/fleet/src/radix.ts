/** Indices 0..n-1 ordered by their 32-bit keys (stable LSD radix sort, two 16-bit passes). */
export function orderByKey(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(65_537);
    for (let i = 0; i < n; i++) counts[((keys[i]! >>> shift) & 0xffff) + 1]! += 1;
    for (let b = 1; b < counts.length; b++) counts[b]! += counts[b - 1]!;
    for (let i = 0; i < n; i++) {
      const j = order[i]!;
      next[counts[(keys[j]! >>> shift) & 0xffff]!++] = j;
    }
    [order, next] = [next, order];
  }
  return order;
}
