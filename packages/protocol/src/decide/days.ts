import { SECONDS_PER_DAY } from "../ids/scheme.js";

/**
 * Close seconds per UTC day: the distinct close periods of each day × scanPeriodSeconds
 * (a period belongs to one day, as scanPeriodSeconds divides 86400). Days in ascending order.
 */
export function closeSecondsByDay(
  closePeriods: Iterable<number>,
  scanPeriodSeconds: number,
): Map<number, number> {
  const perDay = SECONDS_PER_DAY / scanPeriodSeconds;
  const counts = new Map<number, number>();
  for (const p of closePeriods) {
    const day = Math.floor(p / perDay);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  const days = [...counts.keys()].sort((a, b) => a - b);
  return new Map(days.map((day) => [day, counts.get(day)! * scanPeriodSeconds]));
}

/** The day with the most close seconds (the earliest on a tie), or null if there is none. */
export function bestDay(byDay: ReadonlyMap<number, number>): number | null {
  let best: number | null = null;
  let most = -1;
  for (const [day, seconds] of byDay) {
    if (seconds > most || (seconds === most && day < best!)) {
      best = day;
      most = seconds;
    }
  }
  return best;
}
