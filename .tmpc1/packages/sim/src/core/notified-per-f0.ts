import type { Chain } from "./oracle/chain.js";

/**
 * F1 the app notified per app-using F0 (each F0's own chain), true contacts and false alarms
 * apart: what an exposure-notification app counts as "notifications per index case".
 */
export interface NotifiedPerF0 {
  /** App-using F0 counted. */
  n: number;
  /** Mean notified F1 per app-using F0 (true + false), null without an app-using F0. */
  mean: number | null;
  /** Of them, true F1 (a close contact by the model's definition). */
  trueMean: number | null;
  /** Of them, false alarms. */
  falseMean: number | null;
}

export function notifiedPerAppF0(chains: readonly Chain[]): NotifiedPerF0 {
  let n = 0;
  let all = 0;
  let truly = 0;
  for (const c of chains) {
    if (!c.app) continue;
    n++;
    all += c.appF1.size;
    for (const p of c.appF1.keys()) if (c.trueF1.has(p)) truly++;
  }
  if (n === 0) return { n, mean: null, trueMean: null, falseMean: null };
  return { n, mean: all / n, trueMean: truly / n, falseMean: (all - truly) / n };
}
