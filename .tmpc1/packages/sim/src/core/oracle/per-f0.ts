import { quantile } from "../quantile.js";
import { below, hash2 } from "../rng.js";
import type { Chain } from "./chain.js";

/** A figure over index cases: mean, 5th–95th percentile, and a bootstrap 95% CI of the mean. */
export interface OverF0 {
  /** F0 counted (for recall: those with at least one true contact at that step). */
  n: number;
  mean: number | null;
  p5: number | null;
  p95: number | null;
  ci95: [number, number] | null;
}

export interface StepPerF0 {
  /** True contacts of one F0's chain at this step. */
  true: OverF0;
  /** Of them, found by the app. */
  app: OverF0;
  /** Of them, listed by manual tracing. */
  manual: OverF0;
  /** app / true, over F0 with at least one true contact. */
  recall: OverF0;
}

export interface PerF0 {
  f1: StepPerF0;
  f2: StepPerF0;
  /** True F1 + F2 the app finds and tracers do not, per app-using F0. */
  beyondManual: OverF0;
  /** How the intervals are made. */
  ci95Method: "percentile bootstrap over F0, 1000 resamples";
}

const RESAMPLES = 1000;

/** Mean, percentiles and a deterministic percentile-bootstrap CI (stays inside the data's range). */
export function overF0(values: readonly number[], seed: number): OverF0 {
  const n = values.length;
  if (n === 0) return { n, mean: null, p5: null, p95: null, ci95: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const means = new Float64Array(RESAMPLES);
  for (let r = 0; r < RESAMPLES; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[below(hash2(seed, r * n + i), n)]!;
    means[r] = s / n;
  }
  means.sort();
  return {
    n,
    mean,
    p5: quantile(sorted, 0.05),
    p95: quantile(sorted, 0.95),
    ci95: [quantile(means, 0.025), quantile(means, 0.975)],
  };
}

function countIn(set: Iterable<number>, truth: { has(x: number): boolean }): number {
  let n = 0;
  for (const x of set) if (truth.has(x)) n++;
  return n;
}

function step(
  chains: readonly Chain[],
  seed: number,
  pick: (c: Chain) => {
    truth: { has(x: number): boolean; size: number };
    app: Iterable<number>;
    manual: Iterable<number>;
  },
): StepPerF0 {
  const t: number[] = [];
  const a: number[] = [];
  const m: number[] = [];
  const recall: number[] = [];
  for (const c of chains) {
    const s = pick(c);
    const found = countIn(s.app, s.truth);
    t.push(s.truth.size);
    a.push(found);
    m.push(countIn(s.manual, s.truth));
    if (s.truth.size > 0) recall.push(found / s.truth.size);
  }
  return {
    true: overF0(t, seed),
    app: overF0(a, seed + 1),
    manual: overF0(m, seed + 2),
    recall: overF0(recall, seed + 3),
  };
}

/** Per-F0 figures of a run's chains (`seed`: the bootstrap's, derived from the run's). */
export function perF0Figures(chains: readonly Chain[], seed: number): PerF0 {
  const beyond: number[] = [];
  for (const c of chains) {
    if (!c.app) continue;
    let n = 0;
    for (const p of c.appF1.keys()) if (c.trueF1.has(p) && !c.manualF1.has(p)) n++;
    for (const q of c.appF2) if (c.trueF2.has(q) && !c.manualF2.has(q)) n++;
    beyond.push(n);
  }
  return {
    f1: step(chains, hash2(seed, 1), (c) => ({
      truth: c.trueF1,
      app: c.appF1.keys(),
      manual: c.manualF1,
    })),
    f2: step(chains, hash2(seed, 2), (c) => ({
      truth: c.trueF2,
      app: c.appF2,
      manual: c.manualF2,
    })),
    beyondManual: overF0(beyond, hash2(seed, 3)),
    ci95Method: "percentile bootstrap over F0, 1000 resamples",
  };
}
