import type { ActiveShare, AdoptionConfig, GroupConfig, PolicyAdoption } from "../config.js";
import { hash2, unit } from "../rng.js";
import { activateInstalls, addInactiveInstalls } from "./active.js";
import { FLAG_ADULT, FLAG_APP, FLAG_INSTALLED, FLAG_SMARTPHONE, NEVER } from "./population.js";
import { quotasOf, selectByStrata, strataSizes } from "./strata.js";

export interface AdoptionResult {
  installDay: Uint8Array;
  /** Per region: app users the policy asked for but no eligible phone could supply. */
  shortfall: number[];
}

/** The arrays adoption reads and writes. */
export interface AdoptionInputs {
  flags: Uint8Array;
  ageBand: Uint8Array;
  bands: number;
  groupBits: Uint8Array;
  regionStart: Uint32Array;
}

/**
 * Who has the app installed (FLAG_INSTALLED), whose app is active (FLAG_APP), and from
 * which day.
 * Uniform mode: active apps, each agent equally likely, share A of every region × age band ×
 * group stratum exactly (so the realised share matches A everywhere, not just on average);
 * inactive installs are added in proportion (`active.ts`).
 * Policy mode: installs, per region, the stated share of the denominator exactly; group
 * members with a smartphone at their group's adoption, the rest drawn among eligible owners
 * (adults only when the denominator is adults) with the same share in every age band; each
 * install is then active with its platform's share.
 */
export function assignAdoption(
  adoption: AdoptionConfig,
  groups: readonly GroupConfig[],
  inputs: AdoptionInputs,
  days: number,
  seed: number,
  active: ActiveShare = { android: 1, ios: 1 },
): AdoptionResult {
  const { flags, regionStart } = inputs;
  const installDay = new Uint8Array(flags.length).fill(NEVER);
  const shortfall: number[] = [];
  if (adoption.mode === "uniform") {
    adoptUniform(adoption.share, groups.length, inputs, seed);
    addInactiveInstalls(flags, active, seed ^ 0x1b873593);
  } else {
    for (let r = 0; r + 1 < regionStart.length; r++) {
      shortfall.push(adoptRegion(adoption, r, groups, inputs, seed));
    }
    activateInstalls(flags, active, seed ^ 0x1b873593);
  }
  const ramp = adoption.mode === "policy" ? adoption.ramp : undefined;
  assignInstallDays(ramp, flags, installDay, days, seed ^ 0x2545f491);
  return { installDay, shortfall };
}

function adoptUniform(
  share: number,
  groupCount: number,
  inputs: AdoptionInputs,
  seed: number,
): void {
  const { flags, ageBand, bands, groupBits, regionStart } = inputs;
  const groupMask = (1 << groupCount) - 1;
  const perRegion = bands << groupCount;
  const stratumOf = (i: number) => (ageBand[i]! << groupCount) | (groupBits[i]! & groupMask);
  for (let r = 0; r + 1 < regionStart.length; r++) {
    const lo = regionStart[r]!;
    const hi = regionStart[r + 1]!;
    const sizes = strataSizes(lo, hi, perRegion, stratumOf);
    const quotas = quotasOf(sizes, share);
    selectByStrata(lo, hi, stratumOf, sizes, quotas, seed, (i) => {
      flags[i]! |= FLAG_APP;
    });
  }
}

function adoptRegion(
  policy: PolicyAdoption,
  r: number,
  groups: readonly GroupConfig[],
  inputs: AdoptionInputs,
  seed: number,
): number {
  const { flags, ageBand, bands, groupBits, regionStart } = inputs;
  const lo = regionStart[r]!;
  const hi = regionStart[r + 1]!;
  const inDenominator = (f: number) =>
    policy.denominator === "population" ||
    (policy.denominator === "adults" && (f & FLAG_ADULT) !== 0) ||
    (policy.denominator === "smartphoneUsers" && (f & FLAG_SMARTPHONE) !== 0);
  const eligible = (f: number) =>
    (f & FLAG_SMARTPHONE) !== 0 &&
    (f & FLAG_INSTALLED) === 0 &&
    (policy.denominator !== "adults" || (f & FLAG_ADULT) !== 0);

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
        flags[i] = f | FLAG_INSTALLED;
        if (inDenominator(f)) users++;
        break;
      }
    }
  }
  const stratumOf = (i: number) => (eligible(flags[i]!) ? ageBand[i]! : -1);
  const sizes = strataSizes(lo, hi, bands, stratumOf);
  const pool = sizes.reduce((a, b) => a + b, 0);
  const wanted = Math.max(0, Math.round(policy.byRegion[r]! * denominator) - users);
  const quotas = quotasOf(sizes, pool > 0 ? Math.min(1, wanted / pool) : 0);
  selectByStrata(lo, hi, stratumOf, sizes, quotas, seed, (i) => {
    flags[i]! |= FLAG_INSTALLED;
  });
  return Math.max(0, wanted - pool);
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
