import { closeMarginDb } from "./distance.js";
import type { IdTable } from "./id-table.js";
import type { DecisionParams } from "./params.js";
import type { TimeWindow } from "./window.js";

/** The fields of a log entry the rules read (a wire LogEntry fits). */
export interface Sighting {
  readonly contactId: string;
  readonly rssi: number;
  readonly txPower: number;
  readonly timestamp: number;
}

/**
 * Evidence from one log about one person's IDs. A sighting is evidence when
 *  - it lies in the window (start ≤ t < end),
 *  - it sights an ID of `ids` inside that ID's own slot (floor(t / slotSeconds) = the ID's slot:
 *    an ID heard one second after its slot ends is not evidence);
 * and it is close when its estimated distance is ≤ closeDistanceMeters. The scan period
 * floor(t / scanPeriodSeconds) of each close sighting is added to `closePeriods`, so a period
 * seen twice, or from both sides, counts once. Returns the number of evidence sightings.
 * Allocates nothing per sighting.
 */
export function collectEvidence(
  log: readonly Sighting[],
  ids: IdTable,
  window: TimeWindow,
  params: DecisionParams,
  closePeriods: Set<number>,
): number {
  const { start, end } = window;
  const { slotSeconds, slotById } = ids;
  const period = params.scanPeriodSeconds;
  const margin = closeMarginDb(params);
  let evidence = 0;
  for (let i = 0; i < log.length; i++) {
    const s = log[i]!;
    const t = s.timestamp;
    if (!(t >= start && t < end)) continue;
    const slot = slotById.get(s.contactId);
    if (slot === undefined || slot !== Math.floor(t / slotSeconds)) continue;
    evidence++;
    if (s.rssi - s.txPower >= margin) closePeriods.add(Math.floor(t / period));
  }
  return evidence;
}
