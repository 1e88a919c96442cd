import type { Engine } from "../engine.js";
import { hasApp } from "../population/population.js";
import { interviewFrom } from "./manual.js";
import type { StepVerdicts } from "./outbreak.js";
import { appFindsFrom, firstDayFrom } from "./pair-verdict.js";

/**
 * One F0's own chain: its F1 (exposure day with this F0) and the F2 reached through them,
 * each F1's window starting at its exposure to this F0. Independent of the other F0, so
 * per-F0 figures do not drift with how many F0 are seeded.
 */
export interface Chain {
  f0: number;
  /** The F0 uses the app (its keys reach the server). */
  app: boolean;
  trueF1: Map<number, number>;
  /** F1 the app notified from this F0, with the app's exposure day (false alarms included). */
  appF1: Map<number, number>;
  manualF1: Set<number>;
  trueF2: Set<number>;
  appF2: Set<number>;
  manualF2: Set<number>;
}

export function chainOf(
  engine: Engine,
  f0: number,
  step1: StepVerdicts,
  step2: StepVerdicts,
  fromDay: number,
): Chain {
  const app = hasApp(engine.population, f0);
  const c: Chain = {
    f0,
    app,
    trueF1: new Map(),
    appF1: new Map(),
    manualF1: new Set(),
    trueF2: new Set(),
    appF2: new Set(),
    manualF2: new Set(),
  };
  for (const [p, v] of step1.get(f0) ?? []) {
    if (p === f0) continue;
    const day = firstDayFrom(v.trueDays, fromDay);
    if (day >= 0) {
      c.trueF1.set(p, day);
      if (v.manual) c.manualF1.add(p);
    }
    if (app && appFindsFrom(engine, v, fromDay)) c.appF1.set(p, firstDayFrom(v.appDays, fromDay));
  }
  const f1 = new Set([...c.trueF1.keys(), ...c.appF1.keys(), ...c.manualF1]);
  for (const j of f1) {
    const trueFrom = c.trueF1.get(j);
    const appFrom = c.appF1.get(j);
    const from = interviewFrom(c.manualF1.has(j) ? trueFrom : undefined, appFrom);
    for (const [q, v] of step2.get(j) ?? []) {
      if (q === f0) continue;
      if (trueFrom !== undefined && !c.trueF1.has(q) && firstDayFrom(v.trueDays, trueFrom) >= 0)
        c.trueF2.add(q);
      if (appFrom !== undefined && !c.appF1.has(q) && appFindsFrom(engine, v, appFrom))
        c.appF2.add(q);
      if (
        from !== undefined &&
        !c.manualF1.has(q) &&
        v.manual &&
        firstDayFrom(v.trueDays, from) >= 0
      )
        c.manualF2.add(q);
    }
  }
  return c;
}
