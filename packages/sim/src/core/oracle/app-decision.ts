import {
  closeSecondsByDay,
  type DecisionParams,
  isClose,
  isContact,
  type TimeWindow,
} from "@tracebed/protocol";
import type { Evidence } from "../ble/evidence.js";

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
