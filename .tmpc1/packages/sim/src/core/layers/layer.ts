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
  scan(day: number, flagged: Uint8Array | null, visit: ContactVisitor, count?: boolean): number;
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
