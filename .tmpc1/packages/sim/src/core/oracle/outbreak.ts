import { indexWindow, type TimeWindow } from "@tracebed/protocol";
import { dayStartSeconds } from "../contacts.js";
import { type DayScan, type Engine, roomAfter, scanDay } from "../engine.js";
import { hasApp } from "../population/population.js";
import { type Chain, chainOf } from "./chain.js";
import { type DistinctContacts, distinctContacts } from "./contact-sample.js";
import { drawF0 } from "./f0.js";
import { interviewFrom, manualLists } from "./manual.js";
import { forEachPairGroup } from "./pair-groups.js";
import { appFindsFrom, firstDayFrom, type PairVerdict, pairVerdict } from "./pair-verdict.js";

/**
 * Scans every simulated day for contacts touching flagged agents (inline or on workers),
 * calling `onDay` as each day is done; returns the scans in day order.
 */
export type DayScanner = (
  flagged: Uint8Array,
  onDay?: () => void,
  /** false: the days' pair counts are not needed. */
  count?: boolean,
) => Promise<DayScan[]>;

export function inlineScanner(engine: Engine): DayScanner {
  return async (flagged, onDay, count = true) => {
    const scans: DayScan[] = [];
    for (let d = 0; d < engine.config.days; d++) {
      const room = d > 0 ? roomAfter(scans[d - 1]!) : 256;
      scans.push(scanDay(engine, d, flagged, count, room));
      onDay?.();
    }
    return scans;
  };
}

/** Progress of a run: phase, and steps done of the phase's total. */
export type ProgressListener = (
  phase: "population" | "contacts" | "tracing",
  done: number,
  total: number,
) => void;

/** The pooled sets the oracle knows at the end of a run (all F0 together). */
export interface OutbreakSets {
  f0: number[];
  trueF1: Set<number>;
  notifiedF1: Set<number>;
  manualF1: Set<number>;
  trueF2: Set<number>;
  notifiedF2: Set<number>;
  manualF2: Set<number>;
}

/**
 * Exposure days (simulated day of the first qualifying contact with the index person, the
 * earliest over index persons) of the pooled F1: true, notified by the app, listed by tracers.
 */
export interface Exposures {
  trueF1: Map<number, number>;
  notifiedF1: Map<number, number>;
  manualF1: Map<number, number>;
}

/** Every (index, partner) verdict of a step: index → partner → verdict. */
export type StepVerdicts = Map<number, Map<number, PairVerdict & { manual: boolean }>>;

export interface Outbreak {
  sets: OutbreakSets;
  exposures: Exposures;
  /** One chain per F0 (in `sets.f0` order): its own F1 and the F2 reached through them. */
  chains: Chain[];
  /** Pairs generated per layer, summed over the days. */
  pairsByLayer: number[];
  /** The F0's window (unix seconds); an F1's starts at its exposure day. */
  window: TimeWindow;
  /** First simulated day of the F0's window. */
  windowFromDay: number;
  step1: StepVerdicts;
  step2: StepVerdicts;
  /** Distinct partners of the contact sample (flagged in the first pass too). */
  distinct: DistinctContacts;
}

/** Records `day` for `x` if it is the earliest so far. */
function keepEarliest(map: Map<number, number>, x: number, day: number): void {
  const had = map.get(x);
  if (had === undefined || day < had) map.set(x, day);
}

function judgeStep(
  engine: Engine,
  people: ReadonlySet<number>,
  scans: readonly DayScan[],
  appIndex: (index: number) => boolean,
  window: TimeWindow,
): StepVerdicts {
  const out: StepVerdicts = new Map();
  let verdicts = new Map<number, PairVerdict & { manual: boolean }>();
  let app = false;
  forEachPairGroup(
    people,
    scans,
    (index) => {
      verdicts = new Map();
      app = appIndex(index);
      out.set(index, verdicts);
    },
    (index, partner, list) => {
      const v = pairVerdict(engine, index, partner, list, app, window);
      if (v.trueDays.length === 0 && v.appDays.length === 0) return;
      verdicts.set(partner, {
        ...v,
        manual: v.trueDays.length > 0 && manualLists(engine, index, partner, list),
      });
    },
  );
  return out;
}

/**
 * F0 are confirmed, and F1 notified, at the end of the last simulated day. An F0's window is
 * the `windowDays` days up to its confirmation; an F1's starts at its exposure day (causal:
 * its contacts before it met its index person do not count). Two passes regenerate the days'
 * contacts: one around the F0, one around everyone found as F1 (truly, by the app or by
 * tracers). Tracers interview every F0 and every F1 they list or the app notified.
 */
export async function traceOutbreak(
  engine: Engine,
  scanner: DayScanner,
  onProgress?: ProgressListener,
  windowDays = 14,
  /** Agents flagged in the first pass too, for person-by-person contact counts. */
  sample: ReadonlySet<number> = new Set(),
): Promise<Outbreak> {
  const { population: pop, config } = engine;
  const window = indexWindow(dayStartSeconds(config, config.days), windowDays);
  const windowFromDay = Math.max(0, config.days - windowDays);
  const f0 = drawF0(engine);
  const f0Set = new Set(f0);
  const flagged = new Uint8Array(pop.size);
  for (const i of f0) flagged[i] = 1;
  for (const i of sample) flagged[i] = 1;

  const total = 2 * config.days;
  let done = 0;
  const onDay = () => onProgress?.("contacts", ++done, total);
  const scans1 = await scanner(flagged, onDay);
  const pairsByLayer = config.layers.map((_, l) =>
    scans1.reduce((s, d) => s + d.pairsByLayer[l]!, 0),
  );
  const step1 = judgeStep(engine, f0Set, scans1, (i) => hasApp(pop, i), window);

  const exposures: Exposures = { trueF1: new Map(), notifiedF1: new Map(), manualF1: new Map() };
  for (const [index, verdicts] of step1) {
    for (const [partner, v] of verdicts) {
      if (f0Set.has(partner)) continue;
      const day = firstDayFrom(v.trueDays, windowFromDay);
      if (day >= 0) {
        keepEarliest(exposures.trueF1, partner, day);
        if (v.manual) keepEarliest(exposures.manualF1, partner, day);
      }
      if (hasApp(pop, index) && appFindsFrom(engine, v, windowFromDay)) {
        keepEarliest(exposures.notifiedF1, partner, firstDayFrom(v.appDays, windowFromDay));
      }
    }
  }
  const trueF1 = new Set(exposures.trueF1.keys());
  const notifiedF1 = new Set(exposures.notifiedF1.keys());
  const manualF1 = new Set(exposures.manualF1.keys());

  flagged.fill(0);
  const f1Any = new Set([...trueF1, ...notifiedF1, ...manualF1]);
  for (const i of f1Any) flagged[i] = 1;
  // The second pass needs only the F1's contacts, not the days' pair counts.
  const pass2 = f1Any.size > 0 ? scanner(flagged, onDay, false) : Promise.resolve([]);
  // Counted while worker threads scan the second pass (it needs only the first).
  const distinct = distinctContacts(engine, sample, scans1);
  const scans2 = await pass2;
  onProgress?.("contacts", total, total);
  const step2 = judgeStep(engine, f1Any, scans2, (j) => notifiedF1.has(j), window);

  const trueF2 = new Set<number>();
  const notifiedF2 = new Set<number>();
  const manualF2 = new Set<number>();
  for (const [j, verdicts] of step2) {
    const trueFrom = exposures.trueF1.get(j);
    const appFrom = exposures.notifiedF1.get(j);
    // Tracers interview listed and notified F1 alike, from the earliest exposure they know.
    const from = interviewFrom(exposures.manualF1.get(j), appFrom);
    for (const [q, v] of verdicts) {
      if (f0Set.has(q)) continue;
      if (trueFrom !== undefined && firstDayFrom(v.trueDays, trueFrom) >= 0) trueF2.add(q);
      if (appFrom !== undefined && appFindsFrom(engine, v, appFrom)) notifiedF2.add(q);
      if (from !== undefined && v.manual && firstDayFrom(v.trueDays, from) >= 0) manualF2.add(q);
    }
  }
  for (const x of trueF1) trueF2.delete(x);
  for (const x of notifiedF1) notifiedF2.delete(x);
  for (const x of manualF1) manualF2.delete(x);

  const sets = { f0, trueF1, notifiedF1, manualF1, trueF2, notifiedF2, manualF2 };
  const chains = f0.map((i) => chainOf(engine, i, step1, step2, windowFromDay));
  return {
    sets,
    exposures,
    chains,
    pairsByLayer,
    window,
    windowFromDay,
    step1,
    step2,
    distinct,
  };
}
