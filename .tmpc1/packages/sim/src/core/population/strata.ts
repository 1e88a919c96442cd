import { hash2, unit } from "../rng.js";

/**
 * Quotas per stratum: round(share × size), rounding carried from stratum to stratum so the
 * total is exact and every stratum is within one of its share.
 */
export function quotasOf(sizes: Int32Array, share: number): Int32Array {
  const quotas = new Int32Array(sizes.length);
  let carry = 0;
  for (let s = 0; s < sizes.length; s++) {
    const want = share * sizes[s]! + carry;
    quotas[s] = Math.max(0, Math.min(sizes[s]!, Math.round(want)));
    carry = want - quotas[s]!;
  }
  return quotas;
}

/**
 * Picks exactly quotas[s] agents of each stratum s among agents lo..hi-1, uniformly without
 * replacement (selection sampling, Knuth's algorithm S, per stratum). `stratumOf` gives -1
 * for agents that are not eligible. Consumes `sizes` and `quotas`.
 */
export function selectByStrata(
  lo: number,
  hi: number,
  stratumOf: (agent: number) => number,
  sizes: Int32Array,
  quotas: Int32Array,
  seed: number,
  select: (agent: number) => void,
): void {
  for (let i = lo; i < hi; i++) {
    const s = stratumOf(i);
    if (s < 0) continue;
    if (quotas[s]! > 0 && unit(hash2(seed, i)) * sizes[s]! < quotas[s]!) {
      select(i);
      quotas[s]! -= 1;
    }
    sizes[s]! -= 1;
  }
}

/** Agents per stratum among lo..hi-1. */
export function strataSizes(
  lo: number,
  hi: number,
  strata: number,
  stratumOf: (agent: number) => number,
): Int32Array {
  const sizes = new Int32Array(strata);
  for (let i = lo; i < hi; i++) {
    const s = stratumOf(i);
    if (s >= 0) sizes[s]! += 1;
  }
  return sizes;
}
