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
export type DayScanner = ((
  flagged: Uint8Array,
  onDay?: () => void,
  /** false: the days' pair counts are not needed. */
  count?: boolean,
) => Promise<DayScan[]>) & {
  /**
   * Scans run on other threads, so this one can judge the first pass while the second runs
   * (`traceOutbreak` then flags every partner of an F0, a superset of the F1, for it).
   */
  concurrent?: boolean;
};

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

/** Largest share of the population the early second pass may flag (`traceOutbreak`). */
const EARLY_PASS_MAX_SHARE = 0.01;

/** Flags (over `size` agents) every agent met by an F0 in `scans`, F0 themselves excepted. */
function partnersOf(
  f0: ReadonlySet<number>,
  scans: readonly DayScan[],
  size: number,
): { flagged: Uint8Array; count: number } {
  const isF0 = new Uint8Array(size);
  for (const x of f0) isF0[x] = 1;
  const flagged = new Uint8Array(size);
  let count = 0;
  const mark = (x: number) => {
    if (isF0[x] === 1 || flagged[x] === 1) return;
    flagged[x] = 1;
    count++;
  };
  for (const scan of scans) {
    const r = scan.records;
    for (let i = 0; i < r.length; i++) {
      const a = r.a[i]!;
      const b = r.b[i]!;
      if (isF0[a] === 1) mark(b);
      if (isF0[b] === 1) mark(a);
    }
  }
  return { flagged, count };
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
  // With scans on other threads, the second pass starts now, around every partner of an F0
  // (the F1, whoever finds them, are among them), while this thread judges the first: the F1
  // get the same records (in an order that depends on who else is flagged), and the others'
  // are never read (`judgeStep` groups people only).
  const early = scanner.concurrent === true ? partnersOf(f0Set, scans1, pop.size) : null;
  // Not when the partners are many (the second pass holds ≈ 4 KB of records per flagged agent
  // over 14 days): then it waits for the F1 themselves.
  const pass2Early =
    early && early.count > 0 && early.count <= pop.size * EARLY_PASS_MAX_SHARE
      ? scanner(early.flagged, onDay, false)
      : null;
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

  const f1Any = new Set([...trueF1, ...notifiedF1, ...manualF1]);
  let pass2 = pass2Early;
  if (pass2 === null) {
    flagged.fill(0);
    for (const i of f1Any) flagged[i] = 1;
    // The second pass needs only the F1's contacts, not the days' pair counts.
    pass2 = f1Any.size > 0 ? scanner(flagged, onDay, false) : Promise.resolve([]);
  }
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
