/**
 * Rule: C is a contact of I if on some UTC day its close seconds reach `minCloseSeconds`
 * (15 min by default: 3 periods of 300 s count, 2 do not). Days come only from sightings inside
 * I's window, so "some day inside the window" needs no second check. Close periods on two
 * sides of midnight do not add up.
 */
export function isContact(byDay: ReadonlyMap<number, number>, minCloseSeconds: number): boolean {
  for (const seconds of byDay.values()) if (seconds >= minCloseSeconds) return true;
  return false;
}

/**
 * The exposure day: the earliest UTC day whose close seconds reach `minCloseSeconds`, or null.
 * A notified F1's window starts at this day's midnight (UTC), so a contact later that day counts.
 */
export function firstContactDay(
  byDay: ReadonlyMap<number, number>,
  minCloseSeconds: number,
): number | null {
  let first: number | null = null;
  for (const [day, seconds] of byDay) {
    if (seconds >= minCloseSeconds && (first === null || day < first)) first = day;
  }
  return first;
}
