import type { LayerConfig } from "../config.js";

/** Called for a pair (a, b) met on a day; `k` identifies the pair within the layer and day. */
export type ContactVisitor = (a: number, b: number, k: number) => void;

/**
 * A contact layer: a small, named, pluggable piece, like a d3-force force. It regenerates
 * any day's pairs from the day's seed, so nothing is stored.
 */
export interface ContactLayer {
  readonly config: LayerConfig;
  /**
   * Generates the pairs of `day` and calls `visit` for those with an endpoint flagged
   * (`flagged[agent] !== 0`), or for every pair when `flagged` is null. Returns the number
   * of pairs generated; with `count` false the caller does not need it, and a layer may skip
   * pairs that touch no flagged agent (the number it returns is then not the day's total).
   */
  scan(
    day: number,
    flagged: Uint8Array | null,
    visit: ContactVisitor,
    count?: boolean,
    part?: ScanPart,
  ): number;
}

/**
 * A share of a day's work, so that one day can be scanned on several threads: part `index`
 * of `of`, a contiguous run of the layer's regions, clusters or households (by agents). A
 * layer visits each part's pairs in the whole scan's order with the whole scan's pair
 * numbers, so the parts' visits, concatenated in part order, are the whole scan's, and the
 * counts they return add up to the whole scan's.
 */
export interface ScanPart {
  index: number;
  of: number;
}

/**
 * The ranges [from, to) of `starts` (ascending, starts[0] = 0) that make up `part`: ranges
 * go to the part holding their first agent, at the whole's agent count times index / of.
 */
export function partRanges(starts: ArrayLike<number>, part?: ScanPart): [number, number] {
  const ranges = starts.length - 1;
  if (part === undefined || part.of <= 1) return [0, Math.max(0, ranges)];
  const total = starts[ranges]!;
  const firstAtOrAfter = (p: number): number => {
    if (p >= part.of) return ranges;
    const agent = Math.floor((total * p) / part.of);
    let lo = 0;
    let hi = ranges;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < agent) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [firstAtOrAfter(part.index), firstAtOrAfter(part.index + 1)];
}

/** floor(x), plus one with probability frac(x): unbiased integer counts. */
export function stochasticRound(x: number, u: number): number {
  const f = Math.floor(x);
  return f + (u < x - f ? 1 : 0);
}

/**
 * Pair numbers `k` of regular partners (the same people day after day) carry this bit; the
 * one-off pairs of a day are numbered from 0, so the two never collide.
 */
export const REGULAR_PAIR_BIT = 0x80000000;

export function isRegularPair(k: number): boolean {
  return k >= REGULAR_PAIR_BIT;
}
