import type { PairContact } from "../ble/evidence.js";
import { contactShape, SECONDS_PER_DAY } from "../contacts.js";
import type { Engine } from "../engine.js";

/**
 * The true close-contact rule, on true distances: on some UTC day inside the window, the
 * distinct scan periods the pair spent within the distance threshold add up to the minimum
 * duration. Counted in scan periods exactly as `decide` counts sightings, so that with
 * ideal BLE the app's verdict and the truth agree by construction.
 */
export function isTrueContact(
  engine: Engine,
  a: number,
  b: number,
  contacts: readonly PairContact[],
  windowStart: number,
  windowEnd: number,
): boolean {
  const { config, layerSeeds } = engine;
  const period = config.ble.scanPeriodSeconds;
  const needed = Math.ceil((config.close.minMinutes * 60) / period);
  const periodsByDay = new Map<number, Set<number>>();
  for (const c of contacts) {
    const shape = contactShape(config, layerSeeds[c.layer]!, c.layer, c.day, a, b, c.k);
    if (shape.distanceMeters > config.close.maxDistanceMeters) continue;
    for (let p = shape.firstPeriod; p < shape.firstPeriod + shape.periods; p++) {
      const t = p * period;
      if (t < windowStart || t >= windowEnd) continue;
      const day = Math.floor(t / SECONDS_PER_DAY);
      const set = periodsByDay.get(day) ?? new Set<number>();
      periodsByDay.set(day, set);
      set.add(p);
      if (set.size >= needed) return true;
    }
  }
  return false;
}
