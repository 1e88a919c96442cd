import type { SummaryLike, SweepPointLike } from "../src/sweep-data.js";

const s = (mean: number, n = 3): SummaryLike => ({
  n,
  mean,
  ci95: [mean - 0.01, mean + 0.01],
  p5: mean - 0.02,
  p95: mean + 0.02,
});
const counts = (recall: number) => ({
  true: s(100),
  detected: s(100 * recall),
  falsePositives: s(0),
  recall: s(recall),
  beyondManual: s(10),
});
/** A sweep point following a² and a³ exactly, 3 runs, ±0.01 CI, ±0.02 percentiles. */
export const point = (a: number): SweepPointLike => ({
  value: a,
  adoption: s(a),
  f1: counts(a * a),
  f2: counts(a ** 3),
  beyondManualPerF0: s(4.8),
  perF0: { f1Recall: s(a * a), f2Recall: s(a ** 3) },
  reference: { a2: a * a, a3: a ** 3 },
});
