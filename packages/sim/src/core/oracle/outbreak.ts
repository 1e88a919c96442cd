import { indexWindow, type TimeWindow } from "@tracebed/protocol";
import { dayStartSeconds } from "../contacts.js";
import { type DayScan, type Engine, scanDay } from "../engine.js";
import { FLAG_APP } from "../population/population.js";
import { drawF0 } from "./f0.js";
import { contactsOf } from "./pairs.js";
import { traceStep } from "./trace.js";

/**
 * Scans every simulated day for contacts touching flagged agents (inline or on workers),
 * calling `onDay` as each day is done; returns the scans in day order.
 */
export type DayScanner = (flagged: Uint8Array, onDay?: () => void) => Promise<DayScan[]>;

export function inlineScanner(engine: Engine): DayScanner {
  return async (flagged, onDay) => {
    const scans: DayScan[] = [];
    for (let d = 0; d < engine.config.days; d++) {
      scans.push(scanDay(engine, d, flagged));
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

/** The sets the oracle knows at the end of a run. */
export interface OutbreakSets {
  f0: number[];
  trueF1: Set<number>;
  notifiedF1: Set<number>;
  manualF1: Set<number>;
  trueF2: Set<number>;
  notifiedF2: Set<number>;
  manualF2: Set<number>;
}

export interface Outbreak {
  sets: OutbreakSets;
  /** Pairs generated per layer, summed over the days. */
  pairsByLayer: number[];
  window: TimeWindow;
}

const minus = (a: ReadonlySet<number>, ...bs: ReadonlySet<number>[]) =>
  new Set([...a].filter((x) => !bs.some((b) => b.has(x))));

/**
 * F0 are confirmed, and F1 notified, at the end of the last simulated day; both look back
 * over the decision window. Two passes regenerate the days' contacts: one around the F0,
 * one around everyone found as F1 (truly or by the app).
 */
export async function traceOutbreak(
  engine: Engine,
  scanner: DayScanner,
  onProgress?: ProgressListener,
  windowDays = 14,
): Promise<Outbreak> {
  const { population: pop, config } = engine;
  // Everyone is confirmed or notified at the end of the last day: one window for all.
  const window = indexWindow(dayStartSeconds(config, config.days), windowDays);
  const f0 = drawF0(engine);
  const f0Set = new Set(f0);
  const flagged = new Uint8Array(pop.size);
  for (const i of f0) flagged[i] = 1;

  const total = 2 * config.days;
  let done = 0;
  const onDay = () => onProgress?.("contacts", ++done, total);
  const scans1 = await scanner(flagged, onDay);
  const pairsByLayer = config.layers.map((_, l) =>
    scans1.reduce((s, d) => s + d.pairsByLayer[l]!, 0),
  );
  const appF0 = new Set(f0.filter((i) => (pop.flags[i]! & FLAG_APP) !== 0));
  const step1 = traceStep(
    engine,
    { trueIndex: f0Set, appIndex: appF0, manualIndex: f0Set },
    contactsOf(f0Set, scans1),
    window,
  );
  const trueF1 = minus(step1.trueContacts, f0Set);
  const notifiedF1 = minus(step1.appContacts, f0Set);
  const manualF1 = minus(step1.manualContacts, f0Set);

  flagged.fill(0);
  const f1Any = new Set([...trueF1, ...notifiedF1]);
  for (const i of f1Any) flagged[i] = 1;
  const scans2 = f1Any.size > 0 ? await scanner(flagged, onDay) : [];
  onProgress?.("contacts", total, total);
  const step2 = traceStep(
    engine,
    { trueIndex: trueF1, appIndex: notifiedF1, manualIndex: manualF1 },
    contactsOf(f1Any, scans2),
    window,
  );
  return {
    sets: {
      f0,
      trueF1,
      notifiedF1,
      manualF1,
      trueF2: minus(step2.trueContacts, f0Set, trueF1),
      notifiedF2: minus(step2.appContacts, f0Set, notifiedF1),
      manualF2: minus(step2.manualContacts, f0Set, manualF1),
    },
    pairsByLayer,
    window,
  };
}
