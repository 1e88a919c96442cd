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

/** Agents counted by their flag byte: hist[f] agents have flags f. */
type FlagHistogram = Float64Array;

/** Agents of a histogram for which `keep` holds, and the users (`isUser`) among them. */
class Tally {
  n = 0;
  users = 0;
  constructor(
    hist?: FlagHistogram,
    keep: (f: number) => boolean = () => true,
    isUser: (f: number) => boolean = isActive,
  ) {
    if (!hist) return;
    for (let f = 0; f < 256; f++) {
      if (hist[f] === 0 || !keep(f)) continue;
      this.n += hist[f]!;
      if (isUser(f)) this.users += hist[f]!;
    }
  }
  get share() {
    return this.n > 0 ? this.users / this.n : 0;
  }
}

const isActive = (f: number) => (f & FLAG_APP) !== 0;
const isInstalled = (f: number) => (f & FLAG_INSTALLED) !== 0;
const isAdult = (f: number) => (f & FLAG_ADULT) !== 0;
const ownsSmartphone = (f: number) => (f & FLAG_SMARTPHONE) !== 0;

const inDenominator = (d: Denominator, f: number) =>
  d === "population" ||
  (d === "adults" && (f & FLAG_ADULT) !== 0) ||
  (d === "smartphoneUsers" && (f & FLAG_SMARTPHONE) !== 0);

/**
 * Adoption as realised in the population, on each denominator, by region, age and group.
 * One pass counts agents by flag byte (per region, per age band, per group); every share is
 * then read off those counts.
 */
export function adoptionReport(
  config: SimConfig,
  pop: Population,
  shortfall: readonly number[],
): AdoptionReport {
  const denominator: Denominator =
    config.adoption.mode === "policy" ? config.adoption.denominator : "population";
  const counts = config.adoption.mode === "policy" ? "installs" : "activeApps";
  const bands = config.ageBands.length;
  const groupCount = config.groups.length;
  const everyone: FlagHistogram = new Float64Array(256);
  const byAge: FlagHistogram = new Float64Array(bands * 256);
  const byGroup: FlagHistogram = new Float64Array(Math.max(1, groupCount) * 256);
  const byRegion = config.regions.map((region, r) => {
    const hist: FlagHistogram = new Float64Array(256);
    for (let i = pop.regionStart[r]!; i < pop.regionStart[r + 1]!; i++) {
      const f = pop.flags[i]!;
      hist[f]!++;
      byAge[pop.ageBand[i]! * 256 + f]!++;
      const g = pop.groups[i]!;
      if (g === 0) continue;
      for (let k = 0; k < groupCount; k++) if ((g & (1 << k)) !== 0) byGroup[k * 256 + f]!++;
    }
    for (let f = 0; f < 256; f++) everyone[f]! += hist[f]!;
    const t = new Tally(
      hist,
      (f) => inDenominator(denominator, f),
      counts === "installs" ? isInstalled : isActive,
    );
    const target =
      config.adoption.mode === "policy" ? config.adoption.byRegion[r]! : config.adoption.share;
    return { region: region.id, denominator, counts, target, realised: t.share } as const;
  });
  const shares = (isUser: (f: number) => boolean) => ({
    population: new Tally(everyone, () => true, isUser).share,
    adults: new Tally(everyone, isAdult, isUser).share,
    smartphoneUsers: new Tally(everyone, ownsSmartphone, isUser).share,
  });
  const ratio = (x: Tally) => (x.n > 0 ? x.share : null);
  const ios = (f: number) => (f & FLAG_IOS) !== 0;
  const part = (h: FlagHistogram, i: number) => h.subarray(i * 256, i * 256 + 256);
  return {
    realised: shares(isActive),
    installs: shares(isInstalled),
    activeOfInstalls: {
      all: ratio(new Tally(everyone, isInstalled)),
      android: ratio(new Tally(everyone, (f) => isInstalled(f) && !ios(f))),
      ios: ratio(new Tally(everyone, (f) => isInstalled(f) && ios(f))),
    },
    byRegion,
    byAge: config.ageBands.map((b, i) => {
      const all = new Tally(part(byAge, i));
      const owners = new Tally(part(byAge, i), ownsSmartphone).n;
      return { band: b.id, realised: all.share, smartphone: all.n > 0 ? owners / all.n : 0 };
    }),
    byGroup: config.groups.map((g, i) => ({
      group: g.id,
      realised: new Tally(part(byGroup, i)).share,
      ofSmartphoneOwners: new Tally(part(byGroup, i), ownsSmartphone).share,
    })),
    shortfall: shortfall.reduce((a, b) => a + b, 0),
  };
}
