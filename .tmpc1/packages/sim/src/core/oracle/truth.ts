import type { PairContact } from "../ble/evidence.js";
import { contactShape } from "../contacts.js";
import type { Engine } from "../engine.js";

/**
 * The pair's close seconds per simulated day: the exact seconds of every meeting within the
 * distance threshold, summed over the meetings that started that day (any layer). Not
 * rounded to scan periods: the truth is what happened, the app sees scan periods.
 */
export function closeSecondsByDay(
  engine: Engine,
  a: number,
  b: number,
  contacts: readonly PairContact[],
): Map<number, number> {
  const { config, layerSeeds } = engine;
  const byDay = new Map<number, number>();
  for (const c of contacts) {
    const shape = contactShape(config, layerSeeds[c.layer]!, c.layer, c.day, a, b, c.k);
    if (shape.distanceMeters > config.close.maxDistanceMeters) continue;
    byDay.set(c.day, (byDay.get(c.day) ?? 0) + shape.seconds);
  }
  return byDay;
}

/**
 * The true close-contact rule: the first simulated day in [fromDay, toDay) on which the pair
 * spent at least `close.minMinutes` in total within `close.maxDistanceMeters`; -1 if none.
 */
export function firstTrueContactDay(
  engine: Engine,
  a: number,
  b: number,
  contacts: readonly PairContact[],
  fromDay: number,
  toDay: number = engine.config.days,
): number {
  const needed = engine.config.close.minMinutes * 60;
  let first = -1;
  for (const [day, seconds] of closeSecondsByDay(engine, a, b, contacts)) {
    if (day < fromDay || day >= toDay || seconds < needed) continue;
    if (first < 0 || day < first) first = day;
  }
  return first;
}
