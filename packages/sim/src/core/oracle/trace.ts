import type { TimeWindow } from "@tracebed/protocol";
import { emptyEvidence, type PairContact } from "../ble/evidence.js";
import { decisionParams } from "../ble/path-loss.js";
import type { Engine } from "../engine.js";
import { FLAG_APP } from "../population/population.js";
import { hash3, unit } from "../rng.js";
import { appFindsContact } from "./app-decision.js";
import type { ContactsByPartner } from "./pairs.js";
import { isTrueContact } from "./truth.js";

/** Who is traced from whom at one step (F0 → F1, or F1 → F2). */
export interface TraceStep {
  /** Index people whose true contacts count (the truth). */
  trueIndex: ReadonlySet<number>;
  /** Index people whose keys reach the server, so the app can find their contacts. */
  appIndex: ReadonlySet<number>;
  /** Index people a contact tracer interviews. */
  manualIndex: ReadonlySet<number>;
}

export interface TraceFound {
  trueContacts: Set<number>;
  appContacts: Set<number>;
  manualContacts: Set<number>;
}

/** Share of a pair's true contacts a tracer lists: any of the pair's layers may recall it. */
function manualRecall(engine: Engine, contacts: readonly PairContact[]): number {
  const layers = new Set(contacts.map((c) => c.layer));
  let missed = 1;
  for (const l of layers) missed *= 1 - engine.config.layers[l]!.manualRecall;
  return 1 - missed;
}

/**
 * One tracing step over the contacts gathered for the index people: the truth, what the app
 * finds (the decision rules on the phones' sightings), and what manual tracing lists.
 */
export function traceStep(
  engine: Engine,
  step: TraceStep,
  contacts: ReadonlyMap<number, ContactsByPartner>,
  window: TimeWindow,
): TraceFound {
  const params = decisionParams(engine.config);
  const pop = engine.population;
  const manualSeed = engine.seeds.stream("manual");
  const found: TraceFound = {
    trueContacts: new Set(),
    appContacts: new Set(),
    manualContacts: new Set(),
  };
  const ev = emptyEvidence();
  for (const [index, byPartner] of contacts) {
    const isTrueIndex = step.trueIndex.has(index);
    const isAppIndex = step.appIndex.has(index) && (pop.flags[index]! & FLAG_APP) !== 0;
    const isManualIndex = step.manualIndex.has(index);
    for (const [partner, list] of byPartner) {
      const isTrue =
        (isTrueIndex || isManualIndex) &&
        isTrueContact(engine, index, partner, list, window.start, window.end);
      if (isTrue && isTrueIndex) found.trueContacts.add(partner);
      if (isTrue && isManualIndex) {
        const u = unit(hash3(manualSeed, Math.min(index, partner), Math.max(index, partner)));
        if (u < manualRecall(engine, list)) found.manualContacts.add(partner);
      }
      if (
        isAppIndex &&
        (pop.flags[partner]! & FLAG_APP) !== 0 &&
        appFindsContact(engine, index, partner, list, window, params, ev)
      ) {
        found.appContacts.add(partner);
      }
    }
  }
  return found;
}
