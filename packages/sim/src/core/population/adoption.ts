import type { AdoptionConfig, GroupConfig, PolicyAdoption } from "../config.js";
import { hash2, unit } from "../rng.js";
import { FLAG_ADULT, FLAG_APP, FLAG_SMARTPHONE, NEVER } from "./population.js";

export interface AdoptionResult {
  installDay: Uint8Array;
  /** Per region: app users the policy asked for but no eligible phone could supply. */
  shortfall: number[];
}

/**
 * Who uses the app, and from which day. Uniform mode: every agent independently with the
 * share (the reference runs' assumption). Policy mode: per region, the stated share of the
 * denominator, exactly; group members with a smartphone first (at their group's adoption),
 * the rest drawn without replacement among eligible owners (adults only when the
 * denominator is adults). Sets FLAG_APP in `flags`.
 */
export function assignAdoption(
  adoption: AdoptionConfig,
  groups: readonly GroupConfig[],
  flags: Uint8Array,
  groupBits: Uint8Array,
  regionStart: Uint32Array,
  days: number,
  seed: number,
): AdoptionResult {
  const n = flags.length;
  const installDay = new Uint8Array(n).fill(NEVER);
  const shortfall: number[] = [];
  if (adoption.mode === "uniform") {
    for (let i = 0; i < n; i++) {
      if (unit(hash2(seed, i)) < adoption.share) {
        flags[i]! |= FLAG_APP;
        installDay[i] = 0;
      }
    }
    return { installDay, shortfall };
  }
  for (let r = 0; r + 1 < regionStart.length; r++) {
    shortfall.push(adoptRegion(adoption, r, groups, flags, groupBits, regionStart, seed));
  }
  assignInstallDays(adoption.ramp, flags, installDay, days, seed ^ 0x2545f491);
  return { installDay, shortfall };
}

function adoptRegion(
  policy: PolicyAdoption,
  r: number,
  groups: readonly GroupConfig[],
  flags: Uint8Array,
  groupBits: Uint8Array,
  regionStart: Uint32Array,
  seed: number,
): number {
  const lo = regionStart[r]!;
  const hi = regionStart[r + 1]!;
  const inDenominator = (f: number) =>
    policy.denominator === "population" ||
    (policy.denominator === "adults" && (f & FLAG_ADULT) !== 0) ||
    (policy.denominator === "smartphoneUsers" && (f & FLAG_SMARTPHONE) !== 0);
  const eligible = (f: number) =>
    (f & FLAG_SMARTPHONE) !== 0 && (policy.denominator !== "adults" || (f & FLAG_ADULT) !== 0);

  let denominator = 0;
  let users = 0;
  for (let i = lo; i < hi; i++) {
    const f = flags[i]!;
    if (inDenominator(f)) denominator++;
    if ((f & FLAG_SMARTPHONE) === 0 || groupBits[i] === 0) continue;
    for (let g = 0; g < groups.length; g++) {
      if (
        (groupBits[i]! & (1 << g)) !== 0 &&
        unit(hash2(seed ^ (g + 1), i)) < groups[g]!.adoption
      ) {
        flags[i] = f | FLAG_APP;
        if (inDenominator(f)) users++;
        break;
      }
    }
  }
  let wanted = Math.max(0, Math.round(policy.byRegion[r]! * denominator) - users);
  let pool = 0;
  for (let i = lo; i < hi; i++) if (eligible(flags[i]!) && (flags[i]! & FLAG_APP) === 0) pool++;
  const missing = Math.max(0, wanted - pool);
  wanted -= missing;
  // Selection sampling (Knuth's algorithm S): exactly `wanted` of the `pool`, uniformly.
  for (let i = lo; i < hi && wanted > 0; i++) {
    const f = flags[i]!;
    if (!eligible(f) || (f & FLAG_APP) !== 0) continue;
    if (unit(hash2(seed, i)) * pool < wanted) {
      flags[i] = f | FLAG_APP;
      wanted--;
    }
    pool--;
  }
  return missing;
}

/** Install days from a campaign ramp: ramp[d] = fraction of final users installed by day d. */
function assignInstallDays(
  ramp: readonly number[] | undefined,
  flags: Uint8Array,
  installDay: Uint8Array,
  days: number,
  seed: number,
): void {
  for (let i = 0; i < flags.length; i++) {
    if ((flags[i]! & FLAG_APP) === 0) continue;
    if (!ramp) {
      installDay[i] = 0;
      continue;
    }
    const u = unit(hash2(seed, i));
    let d = 0;
    while (d < days - 1 && d < ramp.length && u >= ramp[d]!) d++;
    installDay[i] = d;
  }
}
