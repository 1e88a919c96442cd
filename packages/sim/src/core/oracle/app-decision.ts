import {
  closeSecondsByDay,
  type DecisionParams,
  isClose,
  isContact,
  type TimeWindow,
} from "@tracebed/protocol";
import { type Evidence, emptyEvidence, type PairContact, pairSightings } from "../ble/evidence.js";
import { decisionParams } from "../ble/path-loss.js";
import type { Engine } from "../engine.js";

/**
 * The protocol's decision rules on sightings already matched to the pair (the oracle knows
 * whose ID each sighting is, so it skips the ID lookup `decide` starts with): close periods
 * inside the window, per UTC day, against the minimum.
 */
export function appDecidesContact(
  ev: Evidence,
  window: TimeWindow,
  params: DecisionParams,
): boolean {
  const periods = new Set<number>();
  for (let i = 0; i < ev.timestamps.length; i++) {
    const t = ev.timestamps[i]!;
    if (t < window.start || t >= window.end) continue;
    if (isClose(ev.rssi[i]!, ev.txPower[i]!, params))
      periods.add(Math.floor(t / params.scanPeriodSeconds));
  }
  return isContact(closeSecondsByDay(periods, params.scanPeriodSeconds), params.minCloseSeconds);
}

/**
 * Does the app find `partner` from `index` (whose keys reached the server)? The partner's
 * phone uploads only if its own log holds a sighting of the index's IDs in the window (a
 * "hit", docs/PROTOCOL.md step 4); then the server decides on both phones' logs. Both must
 * use the app.
 */
export function appFindsContact(
  engine: Engine,
  index: number,
  partner: number,
  contacts: readonly PairContact[],
  window: TimeWindow,
  params: DecisionParams = decisionParams(engine.config),
  ev: Evidence = emptyEvidence(),
): boolean {
  ev.timestamps.length = 0;
  ev.rssi.length = 0;
  ev.txPower.length = 0;
  let hit = false;
  pairSightings(engine, index, partner, contacts, (scanner, _advertiser, t, rssi, txPower) => {
    ev.timestamps.push(t);
    ev.rssi.push(rssi);
    ev.txPower.push(txPower);
    if (scanner === partner && t >= window.start && t < window.end) hit = true;
  });
  return hit && appDecidesContact(ev, window, params);
}
