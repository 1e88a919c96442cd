import { SECONDS_PER_DAY } from "@tracebed/protocol";

/**
 * The UTC days [first, last] whose keys an index person's push carries: the `windowDays` days
 * up to its window end (the same days as the protocol's indexWindow).
 */
export function pushDayRange(windowEnd: number, windowDays: number): [number, number] {
  const last = Math.floor((windowEnd - 1) / SECONDS_PER_DAY);
  return [last - windowDays + 1, last];
}
