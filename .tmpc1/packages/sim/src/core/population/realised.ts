import type { Denominator, SimConfig } from "../config.js";
import {
  FLAG_ADULT,
  FLAG_APP,
  FLAG_INSTALLED,
  FLAG_IOS,
  FLAG_SMARTPHONE,
  type Population,
} from "./population.js";

export interface RealisedAdoption {
  population: number;
  adults: number;
  smartphoneUsers: number;
}

export interface AdoptionReport {
  /** Active apps (running, Bluetooth on: they log, advertise and upload), on each denominator. */
  realised: RealisedAdoption;
  /** Installs, active or not, on each denominator. */
  installs: RealisedAdoption;
  /** Active apps / installs, over all installs and by platform (null: no install). */
  activeOfInstalls: { all: number | null; android: number | null; ios: number | null };
  /**
   * Per region: the run's target and the realised share of what it counts (`counts`): a
   * policy counts installs (as the letters do), uniform adoption counts active apps.
   */
  byRegion: {
    region: string;
    denominator: Denominator;
    counts: "installs" | "activeApps";
    target: number | null;
    realised: number;
  }[];
  byAge: { band: string; realised: number; smartphone: number }[];
  byGroup: { group: string; realised: number; ofSmartphoneOwners: number }[];
  /** App users the policy asked for that no eligible phone could supply. */
  shortfall: number;
}

class Tally {
  n = 0;
  users = 0;
  add(isUser: boolean) {
    this.n++;
    if (isUser) this.users++;
  }
  get share() {
    return this.n > 0 ? this.users / this.n : 0;
  }
}

const inDenominator = (d: Denominator, f: number) =>
  d === "population" ||
  (d === "adults" && (f & FLAG_ADULT) !== 0) ||
  (d === "smartphoneUsers" && (f & FLAG_SMARTPHONE) !== 0);

/** Adoption as realised in the population, on each denominator, by region, age and group. */
export function adoptionReport(
  config: SimConfig,
  pop: Population,
  shortfall: readonly number[],
): AdoptionReport {
  const denominator: Denominator =
    config.adoption.mode === "policy" ? config.adoption.denominator : "population";
  const all = { population: new Tally(), adults: new Tally(), smartphoneUsers: new Tally() };
  const inst = { population: new Tally(), adults: new Tally(), smartphoneUsers: new Tally() };
  const activeBy = { all: new Tally(), android: new Tally(), ios: new Tally() };
  const counts = config.adoption.mode === "policy" ? "installs" : "activeApps";
  const ages = config.ageBands.map(() => ({ all: new Tally(), owners: 0 }));
  const groups = config.groups.map(() => ({ all: new Tally(), owners: new Tally() }));
  const byRegion = config.regions.map((region, r) => {
    const t = new Tally();
    for (let i = pop.regionStart[r]!; i < pop.regionStart[r + 1]!; i++) {
      const f = pop.flags[i]!;
      const user = (f & FLAG_APP) !== 0;
      const installed = (f & FLAG_INSTALLED) !== 0;
      all.population.add(user);
      inst.population.add(installed);
      if (f & FLAG_ADULT) {
        all.adults.add(user);
        inst.adults.add(installed);
      }
      if (f & FLAG_SMARTPHONE) {
        all.smartphoneUsers.add(user);
        inst.smartphoneUsers.add(installed);
      }
      if (installed) {
        activeBy.all.add(user);
        activeBy[(f & FLAG_IOS) !== 0 ? "ios" : "android"].add(user);
      }
      if (inDenominator(denominator, f)) t.add(counts === "installs" ? installed : user);
      const age = ages[pop.ageBand[i]!]!;
      age.all.add(user);
      if (f & FLAG_SMARTPHONE) age.owners++;
      for (let g = 0; g < groups.length; g++) {
        if ((pop.groups[i]! & (1 << g)) === 0) continue;
        groups[g]!.all.add(user);
        if (f & FLAG_SMARTPHONE) groups[g]!.owners.add(user);
      }
    }
    const target =
      config.adoption.mode === "policy" ? config.adoption.byRegion[r]! : config.adoption.share;
    return { region: region.id, denominator, counts, target, realised: t.share } as const;
  });
  const shares = (x: typeof all) => ({
    population: x.population.share,
    adults: x.adults.share,
    smartphoneUsers: x.smartphoneUsers.share,
  });
  const ratio = (x: Tally) => (x.n > 0 ? x.share : null);
  return {
    realised: shares(all),
    installs: shares(inst),
    activeOfInstalls: {
      all: ratio(activeBy.all),
      android: ratio(activeBy.android),
      ios: ratio(activeBy.ios),
    },
    byRegion,
    byAge: config.ageBands.map((b, i) => ({
      band: b.id,
      realised: ages[i]!.all.share,
      smartphone: ages[i]!.all.n > 0 ? ages[i]!.owners / ages[i]!.all.n : 0,
    })),
    byGroup: config.groups.map((g, i) => ({
      group: g.id,
      realised: groups[i]!.all.share,
      ofSmartphoneOwners: groups[i]!.owners.share,
    })),
    shortfall: shortfall.reduce((a, b) => a + b, 0),
  };
}
