import { firstContactDay, isContact } from "../../decide/contact.js";
import { bestDay, closeSecondsByDay } from "../../decide/days.js";
import { closeMarginDb } from "../../decide/distance.js";
import type { DecisionParams } from "../../decide/params.js";
import type { TimeWindow } from "../../decide/window.js";

/** A sighting in an uploaded log once its TempID is decrypted: whom it heard, how, when. */
export interface KnownSighting {
  /** The phone (user) the TempID decrypted to. */
  readonly contact: string;
  readonly rssi: number;
  readonly txPower: number;
  readonly timestamp: number;
}

export interface BtDecision {
  readonly contact: string;
  readonly closeSecondsByDay: ReadonlyMap<number, number>;
  /** The exposure day (the earliest day reaching minCloseSeconds). */
  readonly firstContactDay: number;
  readonly bestDay: number;
}

/**
 * BlueTrace's rule on one uploaded log: the same calibration as `decide` (close = estimated
 * distance ≤ closeDistanceMeters, counted as distinct scan periods per UTC day, contact iff a
 * day reaches minCloseSeconds, inside the uploader's window), but the evidence is the
 * uploader's log alone: the contacts never upload for their index person. The contacts found,
 * in order of their first sighting.
 */
export function contactsInLog(
  log: readonly KnownSighting[],
  window: TimeWindow,
  params: DecisionParams,
): BtDecision[] {
  const margin = closeMarginDb(params);
  const periods = new Map<string, Set<number>>();
  for (const s of log) {
    const t = s.timestamp;
    if (!(t >= window.start && t < window.end)) continue;
    if (s.rssi - s.txPower < margin) continue;
    let set = periods.get(s.contact);
    if (set === undefined) {
      set = new Set();
      periods.set(s.contact, set);
    }
    set.add(Math.floor(t / params.scanPeriodSeconds));
  }
  const out: BtDecision[] = [];
  for (const [contact, set] of periods) {
    const byDay = closeSecondsByDay(set, params.scanPeriodSeconds);
    if (!isContact(byDay, params.minCloseSeconds)) continue;
    out.push({
      contact,
      closeSecondsByDay: byDay,
      firstContactDay: firstContactDay(byDay, params.minCloseSeconds)!,
      bestDay: bestDay(byDay)!,
    });
  }
  return out;
}
