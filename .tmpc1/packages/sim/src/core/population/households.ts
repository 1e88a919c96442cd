import { hash2, unit } from "../rng.js";
import { GrowableUint32 } from "./growable.js";

/** Cumulative distribution of a probability vector (the last entry is forced to 1). */
export function cumulative(p: readonly number[]): Float64Array {
  const c = new Float64Array(p.length);
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    s += p[i]!;
    c[i] = s;
  }
  c[c.length - 1] = 1;
  return c;
}

/** Index drawn from a cumulative distribution with u in [0, 1). */
export function pick(cdf: Float64Array, u: number): number {
  let i = 0;
  while (u >= cdf[i]!) i++;
  return i;
}

/**
 * Households filling each region: sizes drawn from `sizes` (probability of size 1, 2, …);
 * a region's last household is cut to fit. Returns the household start offsets.
 */
export function buildHouseholds(
  regionAgents: readonly number[],
  sizes: readonly number[],
  seed: number,
): Uint32Array {
  const cdf = cumulative(sizes);
  const total = regionAgents.reduce((a, b) => a + b, 0);
  const meanSize = sizes.reduce((a, p, i) => a + p * (i + 1), 0);
  const starts = new GrowableUint32(Math.ceil(total / meanSize) + regionAgents.length + 1);
  let agent = 0;
  let h = 0;
  for (const n of regionAgents) {
    const end = agent + n;
    while (agent < end) {
      starts.push(agent);
      const size = pick(cdf, unit(hash2(seed, h++))) + 1;
      agent = Math.min(end, agent + size);
    }
  }
  starts.push(total);
  return starts.toArray();
}
