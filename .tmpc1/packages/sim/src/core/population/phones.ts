import type { AgeBandConfig, GroupConfig } from "../config.js";
import { ADULT_AGE } from "../config.js";
import { hash2, unit } from "../rng.js";
import { FLAG_ADULT, FLAG_IOS, FLAG_SMARTPHONE } from "./population.js";

/** Adult flag, smartphone ownership by age band, and the phone's platform. */
export function assignPhones(
  bands: readonly AgeBandConfig[],
  ageBand: Uint8Array,
  iosShare: number,
  seed: number,
): Uint8Array {
  const flags = new Uint8Array(ageBand.length);
  const own = Float64Array.from(bands, (b) => b.smartphone);
  const adult = bands.map((b) => b.from >= ADULT_AGE);
  for (let i = 0; i < ageBand.length; i++) {
    const band = ageBand[i]!;
    const h = hash2(seed, i);
    let f = adult[band] ? FLAG_ADULT : 0;
    if (unit(h) < own[band]!) {
      f |= FLAG_SMARTPHONE;
      if (unit(hash2(seed ^ 0x5f3759df, i)) < iosShare) f |= FLAG_IOS;
    }
    flags[i] = f;
  }
  return flags;
}

/** Group membership bits: each agent of a group's base joins with the group's share. */
export function assignGroups(
  groups: readonly GroupConfig[],
  flags: Uint8Array,
  seed: number,
): Uint8Array {
  const bits = new Uint8Array(flags.length);
  groups.forEach((g, gi) => {
    const s = hash2(seed, gi);
    for (let i = 0; i < flags.length; i++) {
      if (g.of === "adults" && (flags[i]! & FLAG_ADULT) === 0) continue;
      if (unit(hash2(s, i)) < g.share) bits[i]! |= 1 << gi;
    }
  });
  return bits;
}
