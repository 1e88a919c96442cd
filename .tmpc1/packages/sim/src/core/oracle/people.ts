import type { Engine } from "../engine.js";
import { hasApp } from "../population/population.js";
import type { Outbreak } from "./outbreak.js";
import { firstDayFrom } from "./pair-verdict.js";

/** One person of the outbreak, as `simulate --json --detail` lists them. */
export interface PersonRow {
  id: number;
  /** True role, or null for someone only the app notified (a false alarm). */
  role: "F0" | "F1" | "F2" | null;
  /** Simulated day of the first qualifying contact with `via` (null for F0 and false alarms). */
  exposureDay: number | null;
  /** The index person on the true path: an F0 for an F1, a true F1 for an F2. */
  via: number | null;
  /** F0: uses the app; F1/F2: notified by the app at that step or the other. */
  app: boolean;
  /** F0: interviewed (always); F1/F2: listed by manual tracing. */
  manual: boolean;
}

/** Earliest (day, then the index's own exposure, then id) over candidate index persons. */
function earliest(cands: { via: number; day: number; rank: number }[]) {
  let best: { via: number; day: number; rank: number } | null = null;
  for (const c of cands) {
    if (
      best === null ||
      c.day < best.day ||
      (c.day === best.day && (c.rank < best.rank || (c.rank === best.rank && c.via < best.via)))
    )
      best = c;
  }
  return best;
}

export function peopleRows(engine: Engine, o: Outbreak): PersonRow[] {
  const { sets, exposures, step1, step2 } = o;
  const pop = engine.population;
  const via = new Map<number, { via: number; day: number; rank: number }[]>();
  const add = (x: number, c: { via: number; day: number; rank: number }) => {
    const list = via.get(x);
    if (list) list.push(c);
    else via.set(x, [c]);
  };
  for (const [i, verdicts] of step1) {
    for (const [p, v] of verdicts) {
      if (!sets.trueF1.has(p)) continue;
      const day = firstDayFrom(v.trueDays, o.windowFromDay);
      if (day >= 0) add(p, { via: i, day, rank: 0 });
    }
  }
  for (const [j, verdicts] of step2) {
    const from = exposures.trueF1.get(j);
    if (from === undefined) continue;
    for (const [q, v] of verdicts) {
      if (!sets.trueF2.has(q)) continue;
      const day = firstDayFrom(v.trueDays, from);
      if (day >= 0) add(q, { via: j, day, rank: from });
    }
  }
  const ids = new Set<number>([
    ...sets.f0,
    ...sets.trueF1,
    ...sets.notifiedF1,
    ...sets.trueF2,
    ...sets.notifiedF2,
  ]);
  const f0 = new Set(sets.f0);
  const rows: PersonRow[] = [];
  for (const id of [...ids].sort((a, b) => a - b)) {
    const role = f0.has(id) ? "F0" : sets.trueF1.has(id) ? "F1" : sets.trueF2.has(id) ? "F2" : null;
    const path = role === "F1" || role === "F2" ? earliest(via.get(id) ?? []) : null;
    rows.push({
      id,
      role,
      exposureDay: path?.day ?? null,
      via: path?.via ?? null,
      app: role === "F0" ? hasApp(pop, id) : sets.notifiedF1.has(id) || sets.notifiedF2.has(id),
      manual: role === "F0" ? true : sets.manualF1.has(id) || sets.manualF2.has(id),
    });
  }
  return rows;
}
