import type { Denominator, SimConfig } from "../config.js";
import { FLAG_ADULT, FLAG_APP, FLAG_SMARTPHONE, type Population } from "./population.js";

export interface RealisedAdoption {
  population: number;
  adults: number;
  smartphoneUsers: number;
}

export interface AdoptionReport {
  realised: RealisedAdoption;
  byRegion: { region: string; denominator: Denominator; target: number | null; realised: number }[];
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
  const ages = config.ageBands.map(() => ({ all: new Tally(), owners: 0 }));
  const groups = config.groups.map(() => ({ all: new Tally(), owners: new Tally() }));
  const byRegion = config.regions.map((region, r) => {
    const t = new Tally();
    for (let i = pop.regionStart[r]!; i < pop.regionStart[r + 1]!; i++) {
      const f = pop.flags[i]!;
      const user = (f & FLAG_APP) !== 0;
      all.population.add(user);
      if (f & FLAG_ADULT) all.adults.add(user);
      if (f & FLAG_SMARTPHONE) all.smartphoneUsers.add(user);
      if (inDenominator(denominator, f)) t.add(user);
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
    return { region: region.id, denominator, target, realised: t.share };
  });
  return {
    realised: {
      population: all.population.share,
      adults: all.adults.share,
      smartphoneUsers: all.smartphoneUsers.share,
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
