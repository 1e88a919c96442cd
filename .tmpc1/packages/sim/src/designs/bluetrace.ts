import {
  bluetrace,
  type DecisionParams,
  indexWindow,
  SECONDS_PER_DAY,
  type TimeWindow,
} from "@tracebed/protocol";
import { forEachSightingOfDay } from "../core/ble/day-sightings.js";
import type { Engine } from "../core/engine.js";
import type { Outbreak } from "../core/oracle/outbreak.js";
import { FLAG_APP } from "../core/population/population.js";

/** Whom BlueTrace's server notifies on a run: F1 with their exposure days, and F2. */
export interface BlueTraceExpected {
  /** F1 agent → exposure day (UTC day), the earliest over the F0 whose logs name it. */
  readonly f1: ReadonlyMap<number, number>;
  readonly f2: ReadonlySet<number>;
}

/**
 * BlueTrace's oracle: which F1 and F2 its server must notify on this run, from the phones'
 * own logs (the simulator's sightings, as the fleet's phones log them):
 *  - every F0 with the app uploads its log of the run (`outbreak.window`); the server decides
 *    with the protocol's BlueTrace rule (`contactsInLog`: the uploader's log alone, the same
 *    calibration as Bluezone's `decide`) in the F0's window (confirmed at the window's end);
 *  - its contacts (not F0) are F1, each with the earliest exposure day over its F0;
 *  - each F1 uploads its log when asked; its contacts from 00:00 UTC of its exposure day on
 *    (its causal window, docs/MODEL.md "Definitions") that are neither F0 nor F1 are F2.
 * An F1 is notified after the run's end, so its window reaches the run's end; runs are assumed
 * no longer than `windowDays` (else an F1 notified the next UTC day would lose a day).
 */
export function blueTraceExpected(
  engine: Engine,
  outbreak: Outbreak,
  params: DecisionParams,
): BlueTraceExpected {
  const { f1, f2 } = blueTraceFinds(engine, outbreak, params);
  return { f1, f2 };
}

/** The oracle's sets with who found whom: each F0's own F1, each F1's own contacts. */
export interface BlueTraceFinds extends BlueTraceExpected {
  /** App-using F0 → the contacts its log gives (not F0), with their exposure days (UTC). */
  readonly byF0: ReadonlyMap<number, ReadonlyMap<number, number>>;
  /** F1 → the contacts its log gives in its window (before removing F0 and F1). */
  readonly byF1: ReadonlyMap<number, ReadonlySet<number>>;
}

export function blueTraceFinds(
  engine: Engine,
  outbreak: Outbreak,
  params: DecisionParams,
): BlueTraceFinds {
  const phones = appPhones(engine);
  const f0 = new Set(outbreak.sets.f0.filter((a) => phones[a] === 1));
  const run = outbreak.window;
  const f0Window = clip(indexWindow(run.end, params.windowDays), run);

  const f1 = new Map<number, number>();
  const byF0 = new Map<number, Map<number, number>>();
  for (const [index, log] of logsOf(engine, phones, f0, run)) {
    const own = new Map<number, number>();
    for (const d of bluetrace.contactsInLog(log, f0Window, params)) {
      const agent = Number(d.contact);
      if (f0.has(agent)) continue;
      own.set(agent, d.firstContactDay);
      const before = f1.get(agent);
      if (before === undefined || d.firstContactDay < before) f1.set(agent, d.firstContactDay);
    }
    byF0.set(index, own);
  }

  const f2 = new Set<number>();
  const byF1 = new Map<number, Set<number>>();
  for (const [agent, log] of logsOf(engine, phones, new Set(f1.keys()), run)) {
    const window = clip(
      indexWindow(run.end, params.windowDays, f1.get(agent)! * SECONDS_PER_DAY),
      run,
    );
    const own = new Set<number>();
    for (const d of bluetrace.contactsInLog(log, window, params)) {
      const q = Number(d.contact);
      own.add(q);
      if (!f0.has(q) && !f1.has(q)) f2.add(q);
    }
    byF1.set(agent, own);
  }
  return { f1, f2, byF0, byF1 };
}

/**
 * The phones each uploader heard over the run (every logged sighting, close or not): what
 * BlueTrace's server holds once it has decrypted the uploaded logs.
 */
export function blueTraceHeard(
  engine: Engine,
  uploaders: ReadonlySet<number>,
  run: TimeWindow,
): Map<number, Set<number>> {
  const heard = new Map<number, Set<number>>();
  for (const [a, log] of logsOf(engine, appPhones(engine), uploaders, run)) {
    heard.set(a, new Set(log.map((s) => Number(s.contact))));
  }
  return heard;
}

function appPhones(engine: Engine): Uint8Array {
  const pop = engine.population;
  const phones = new Uint8Array(pop.size);
  for (let i = 0; i < pop.size; i++) if ((pop.flags[i]! & FLAG_APP) !== 0) phones[i] = 1;
  return phones;
}

function clip(w: TimeWindow, run: TimeWindow): TimeWindow {
  return { start: Math.max(w.start, run.start), end: Math.min(w.end, run.end) };
}

/** The logs of `uploaders` over the run: whom each heard (as an agent number), how, when. */
function logsOf(
  engine: Engine,
  phones: Uint8Array,
  uploaders: ReadonlySet<number>,
  run: TimeWindow,
): Map<number, bluetrace.KnownSighting[]> {
  const logs = new Map<number, bluetrace.KnownSighting[]>();
  for (const a of uploaders) logs.set(a, []);
  for (let day = 0; day < engine.config.days; day++) {
    forEachSightingOfDay(engine, day, phones, (scanner, advertiser, timestamp, rssi, txPower) => {
      if (timestamp < run.start || timestamp >= run.end) return;
      logs.get(scanner)?.push({ contact: String(advertiser), rssi, txPower, timestamp });
    });
  }
  return logs;
}
