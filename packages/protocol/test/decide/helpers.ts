import { rssiAtDistance } from "../../src/decide/distance.js";
import type { Sighting } from "../../src/decide/evidence.js";
import type { DailyKeyInput } from "../../src/decide/id-table.js";
import { DEFAULT_DECISION_PARAMS, type PathLoss } from "../../src/decide/params.js";
import { SECONDS_PER_DAY } from "../../src/ids/scheme.js";
import { toyIdAt, toyKey } from "./toy-scheme.js";

/** 2020-08-13T00:00:00Z, a UTC midnight (the day of the 17 → 82 report). */
export const DAY0 = 18_487 * SECONDS_PER_DAY;
export const DAY = SECONDS_PER_DAY;
export const PERIOD = DEFAULT_DECISION_PARAMS.scanPeriodSeconds;
export const TX = -8;

/** Keys of person p for `days` days up to `lastDay`: more than any window needs. */
export function keysOf(person: number, lastDay = DAY0 / DAY + 20, days = 40): DailyKeyInput[] {
  return Array.from({ length: days }, (_, i) => ({
    unixDay: lastDay - i,
    key: toyKey(person),
  }));
}

/** Someone hearing `heard` at time t from `distance` metres, with an honest ID. */
export function sighting(
  heard: number,
  t: number,
  distance = 1,
  pathLoss: PathLoss = DEFAULT_DECISION_PARAMS.pathLoss,
  txPower = TX,
): Sighting {
  return {
    contactId: toyIdAt(heard, t),
    rssi: rssiAtDistance(distance, txPower, pathLoss),
    txPower,
    timestamp: t,
  };
}

/** `n` sightings of `heard`, one per scan period from t0. */
export function periods(heard: number, t0: number, n: number, distance = 1): Sighting[] {
  return Array.from({ length: n }, (_, i) => sighting(heard, t0 + i * PERIOD, distance));
}
