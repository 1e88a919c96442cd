import type { ScenarioHouseholds } from "../scenario/index.js";

/** Longest tail the open-ended top size is spread over. */
const TAIL = 12;

/**
 * Probabilities of household sizes 1, 2, … for the engine. When the top size is open-ended
 * (the census's "7+"), its share is spread over a geometric tail so that the mean matches
 * the mean household size the source states.
 */
export function householdSizeProbabilities(h: ScenarioHouseholds): number[] {
  const sorted = [...h.sizeShares].sort((a, b) => a.size - b.size);
  const top = sorted[sorted.length - 1]!;
  const total = sorted.reduce((s, x) => s + x.share, 0);
  const p = new Array<number>(top.size).fill(0);
  for (const x of sorted) p[x.size - 1] = x.share / total;
  if (!h.lastSizeIsOpenEnded) return p;
  const mean = p.reduce((s, q, i) => s + q * (i + 1), 0);
  const qTop = p[top.size - 1]!;
  const extra = qTop > 0 ? (h.meanSize - mean) / qTop : 0;
  if (extra <= 0) return p;
  // Geometric tail P(top + j) ∝ r^j has mean excess r / (1 − r) = extra (before truncation).
  const r = Math.min(0.95, extra / (1 + extra));
  const weights = Array.from({ length: TAIL }, (_, j) => r ** j);
  const sum = weights.reduce((a, b) => a + b, 0);
  p.length = top.size - 1;
  for (const w of weights) p.push((qTop * w) / sum);
  return p;
}
