import { SECONDS_PER_DAY } from "../ids/scheme.js";

/** Times `start ≤ t < end`, unix seconds. */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * An index person's window: the `windowDays` UTC days up to `windowEnd` (its confirmation as
 * an F0, its notification as an F1), the last one cut at `windowEnd`:
 * start = (floor((windowEnd − 1) / 86400) − windowDays + 1) · 86400, end = windowEnd.
 * So the window covers exactly the days of a 14-key upload and lasts between 13 days + 1 s
 * and 14 days (exactly 14 when windowEnd is a midnight).
 *
 * A notified F1's window is also causal: it starts no earlier than `windowStart`, 00:00 UTC of
 * its exposure day (the first UTC day on which it was a contact of its index person), so its
 * contacts before it could have been infected do not count (docs/MODEL.md, "Definitions").
 */
export function indexWindow(
  windowEnd: number,
  windowDays: number,
  windowStart?: number,
): TimeWindow {
  const lastDay = Math.floor((windowEnd - 1) / SECONDS_PER_DAY);
  const start = (lastDay - windowDays + 1) * SECONDS_PER_DAY;
  return {
    start: windowStart === undefined ? start : Math.max(start, windowStart),
    end: windowEnd,
  };
}
