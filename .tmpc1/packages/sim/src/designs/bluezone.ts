import { pairSightings } from "../core/ble/evidence.js";
import { decisionDayOf, SECONDS_PER_DAY } from "../core/contacts.js";
import { contactsAround } from "../core/oracle/pairs.js";
import { hasApp } from "../core/population/population.js";
import type { SimRun } from "../core/simulate.js";
import type { DesignFinds, DesignPrivacy, SimDesign } from "./design.js";

/**
 * Bluezone's hybrid flow is the simulator's own app rule (`decide` on both phones' logs, the
 * server deciding): its finds are the oracle's app-found sets as they are.
 */
export const bluezoneDesign: SimDesign = {
  name: "bluezone",
  finds({ outbreak }) {
    return {
      f1: outbreak.exposures.notifiedF1,
      f2: outbreak.sets.notifiedF2,
      chains: outbreak.chains.map((c) => ({ f1: c.appF1, f2: c.appF2 })),
    };
  },
  privacy: bluezonePrivacy,
};

/**
 * docs/PROTOCOLS.md, Bluezone's "What the server learns", on the run: the server pushes the
 * keys of every index (an app-using F0 from its window's start, a notified F1 from its
 * exposure day, 00:00 UTC); every phone whose log holds one of those IDs uploads its keys and log. The
 * uploaders are the app-using F0, the notified F1 and those phones. An edge is a pair of
 * uploaders one of which logged the other in the F0's window (a log entry the other's keys
 * derive, or an exposure naming an index); a known phone is an uploader on an edge, not a
 * confirmed F0.
 */
function bluezonePrivacy({ engine, outbreak }: SimRun, finds: DesignFinds): DesignPrivacy {
  const pop = engine.population;
  const { window } = outbreak;
  const appF0 = outbreak.sets.f0.filter((a) => hasApp(pop, a));
  const pushedFrom = new Map<number, number>();
  for (const a of appF0) pushedFrom.set(a, window.start);
  for (const [j, day] of finds.f1) {
    const from = Math.max(window.start, decisionDayOf(engine.config, day) * SECONDS_PER_DAY);
    if (!pushedFrom.has(j)) pushedFrom.set(j, from);
  }
  const uploaders = new Set<number>(pushedFrom.keys());
  for (const [index, byPartner] of contactsAround(engine, new Set(pushedFrom.keys()))) {
    const from = pushedFrom.get(index)!;
    for (const [partner, contacts] of byPartner) {
      if (uploaders.has(partner) || !hasApp(pop, partner)) continue;
      let hit = false;
      pairSightings(engine, index, partner, contacts, (scanner, _adv, t) => {
        if (scanner === partner && t >= from && t < window.end) hit = true;
      });
      if (hit) uploaders.add(partner);
    }
  }
  const confirmed = new Set(appF0);
  const known = new Set<number>();
  let edges = 0;
  for (const [a, byPartner] of contactsAround(engine, uploaders)) {
    for (const [b, contacts] of byPartner) {
      if (b <= a || !uploaders.has(b)) continue;
      let seen = false;
      pairSightings(engine, a, b, contacts, (_s, _adv, t) => {
        if (t >= window.start && t < window.end) seen = true;
      });
      if (!seen) continue;
      edges++;
      if (!confirmed.has(a)) known.add(a);
      if (!confirmed.has(b)) known.add(b);
    }
  }
  return { nonIndexPhonesKnown: known.size, contactEdgesKnown: edges };
}
