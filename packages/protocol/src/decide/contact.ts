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
