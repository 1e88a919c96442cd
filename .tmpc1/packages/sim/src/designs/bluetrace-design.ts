import { decisionParams } from "../core/ble/path-loss.js";
import { decisionDayOf } from "../core/contacts.js";
import { hasApp } from "../core/population/population.js";
import { blueTraceFinds, blueTraceHeard } from "./bluetrace.js";
import type { SimDesign } from "./design.js";

/**
 * BlueTrace's central rule (docs/PROTOCOLS.md): the server decides on each app-using F0's
 * uploaded log (its F1), then on each F1's log, which every F1 uploads when asked (its F2).
 * The pooled sets are its oracle's (`blueTraceExpected`); per F0, that F0's own F1 and the
 * contacts of those F1 that are neither that F0 nor its F1.
 */
export const bluetraceDesign: SimDesign = {
  name: "bluetrace",
  finds({ engine, outbreak }) {
    const bt = blueTraceFinds(engine, outbreak, decisionParams(engine.config));
    // The oracle's exposure days are UTC days; a run's days count from the run's first.
    const day0 = decisionDayOf(engine.config, 0);
    const runDays = (m: ReadonlyMap<number, number>) =>
      new Map([...m].map(([a, utcDay]) => [a, utcDay - day0] as const));
    const chains = outbreak.chains.map((c) => {
      const own = c.app ? runDays(bt.byF0.get(c.f0) ?? new Map()) : new Map<number, number>();
      const ownF2 = new Set<number>();
      for (const j of own.keys())
        for (const q of bt.byF1.get(j) ?? []) if (q !== c.f0 && !own.has(q)) ownF2.add(q);
      return { f1: own, f2: ownF2 };
    });
    return { f1: runDays(bt.f1), f2: bt.f2, chains };
  },
  /**
   * docs/PROTOCOLS.md, BlueTrace's "What the server learns": the server decrypts every
   * sighting of every uploaded log (the app-using F0's, and every F1's), close or not, so
   * each names both phones: an edge per distinct (uploader, phone heard) pair; a known phone
   * is any phone on an edge that is not a confirmed F0.
   */
  privacy({ engine, outbreak }, finds) {
    const pop = engine.population;
    const f0 = new Set(outbreak.sets.f0.filter((a) => hasApp(pop, a)));
    const uploaders = new Set([...f0, ...finds.f1.keys()]);
    const edges = new Set<string>();
    const known = new Set<number>();
    for (const [a, heard] of blueTraceHeard(engine, uploaders, outbreak.window)) {
      for (const b of heard) {
        if (a === b) continue;
        edges.add(a < b ? `${a} ${b}` : `${b} ${a}`);
        if (!f0.has(a)) known.add(a);
        if (!f0.has(b)) known.add(b);
      }
    }
    return { nonIndexPhonesKnown: known.size, contactEdgesKnown: edges.size };
  },
};
