import type { ActiveShare } from "../config.js";
import { hash2, unit } from "../rng.js";
import { FLAG_APP, FLAG_INSTALLED, FLAG_IOS, FLAG_SMARTPHONE } from "./population.js";

const shareOf = (active: ActiveShare, f: number) =>
  (f & FLAG_IOS) !== 0 ? active.ios : active.android;

/**
 * Policy adoption counts installs: each install is active (FLAG_APP) with its platform's
 * share, independently (a phone's own draw, so the result does not depend on the order).
 */
export function activateInstalls(flags: Uint8Array, active: ActiveShare, seed: number): void {
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i]!;
    if ((f & FLAG_INSTALLED) === 0) continue;
    if (unit(hash2(seed, i)) < shareOf(active, f)) flags[i] = f | FLAG_APP;
  }
}

/**
 * Uniform adoption sets the active apps exactly; installs that are not active are added
 * among smartphone owners without an app, (1 − s) / s of them per active app of platform s,
 * so installs / active apps matches the scenario's share. FLAG_APP is left untouched.
 */
export function addInactiveInstalls(flags: Uint8Array, active: ActiveShare, seed: number): void {
  const activeBy = [0, 0];
  const poolBy = [0, 0];
  const platform = (f: number) => ((f & FLAG_IOS) !== 0 ? 1 : 0);
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i]!;
    if ((f & FLAG_APP) !== 0) activeBy[platform(f)]!++;
    else if ((f & FLAG_SMARTPHONE) !== 0) poolBy[platform(f)]!++;
  }
  const shares = [active.android, active.ios];
  const p = shares.map((s, k) => {
    if (s >= 1 || poolBy[k] === 0) return 0;
    const wanted = s > 0 ? (activeBy[k]! * (1 - s)) / s : poolBy[k]!;
    return Math.min(1, wanted / poolBy[k]!);
  });
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i]!;
    if ((f & FLAG_APP) !== 0) {
      flags[i] = f | FLAG_INSTALLED;
      continue;
    }
    if ((f & FLAG_SMARTPHONE) === 0) continue;
    if (unit(hash2(seed, i)) < p[platform(f)]!) flags[i] = f | FLAG_INSTALLED;
  }
}
