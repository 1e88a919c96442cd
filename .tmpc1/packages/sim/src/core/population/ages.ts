import { apportion } from "../apportion.js";
import type { AgeBandConfig } from "../config.js";
import { ADULT_AGE } from "../config.js";
import { below, hash2 } from "../rng.js";

/**
 * Age bands with exact shares per region, shuffled over the region's agents, then repaired so
 * every household has an adult (a child in an adult-less household swaps bands with a spare
 * adult of another household of the region; totals stay exact).
 */
export function assignAgeBands(
  bands: readonly AgeBandConfig[],
  regionStart: Uint32Array,
  householdStart: Uint32Array,
  seed: number,
): Uint8Array {
  const size = regionStart[regionStart.length - 1]!;
  const age = new Uint8Array(size);
  const adultBand = bands.map((b) => b.from >= ADULT_AGE);
  const shares = bands.map((b) => b.share);
  for (let r = 0; r + 1 < regionStart.length; r++) {
    const lo = regionStart[r]!;
    const hi = regionStart[r + 1]!;
    let k = lo;
    apportion(shares, hi - lo).forEach((count, band) => {
      age.fill(band, k, k + count);
      k += count;
    });
    for (let i = hi - 1; i > lo; i--) {
      const j = lo + below(hash2(seed, i), i - lo + 1);
      const t = age[i]!;
      age[i] = age[j]!;
      age[j] = t;
    }
  }
  repairAdultlessHouseholds(age, adultBand, householdStart, regionStart);
  return age;
}

function repairAdultlessHouseholds(
  age: Uint8Array,
  adultBand: readonly boolean[],
  householdStart: Uint32Array,
  regionStart: Uint32Array,
): void {
  const adultsIn = (h: number) => {
    let n = 0;
    for (let a = householdStart[h]!; a < householdStart[h + 1]!; a++) if (adultBand[age[a]!]) n++;
    return n;
  };
  let donorH = 0;
  let r = 0;
  for (let h = 0; h + 1 < householdStart.length; h++) {
    const first = householdStart[h]!;
    while (first >= regionStart[r + 1]!) r++;
    if (adultsIn(h) > 0) continue;
    // Find a household of the same region with two adults or more.
    if (donorH < h || householdStart[donorH]! < regionStart[r]!) donorH = h;
    while (
      donorH + 1 < householdStart.length &&
      householdStart[donorH]! < regionStart[r + 1]! &&
      adultsIn(donorH) < 2
    ) {
      donorH++;
    }
    if (donorH + 1 >= householdStart.length || householdStart[donorH]! >= regionStart[r + 1]!) {
      donorH = h;
      continue; // no spare adult left in this region
    }
    for (let a = householdStart[donorH]!; a < householdStart[donorH + 1]!; a++) {
      if (adultBand[age[a]!]) {
        const t = age[a]!;
        age[a] = age[first]!;
        age[first] = t;
        break;
      }
    }
  }
}
