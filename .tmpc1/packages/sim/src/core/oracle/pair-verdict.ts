import { isClose, type TimeWindow } from "@tracebed/protocol";
import type { PairContact } from "../ble/evidence.js";
import { pairSightings } from "../ble/evidence.js";
import { decisionParams } from "../ble/path-loss.js";
import { contactShape, decisionDayOf, SECONDS_PER_DAY } from "../contacts.js";
import type { Engine } from "../engine.js";
import { hasApp } from "../population/population.js";
import { closeSecondsByDay } from "./truth.js";

/**
 * What the oracle knows of one (index, partner) pair over the whole run, from which every
 * window's verdict follows: a window that starts at day s keeps the qualifying days ≥ s.
 */
export interface PairVerdict {
  /** Simulated days on which the pair was a true close contact, ascending. */
  trueDays: number[];
  /**
   * Simulated days whose decision day (UTC) the app's rules judge a contact on the two
   * phones' sightings, ascending (empty unless both use the app and the index's keys
   * reach the server).
   */
  appDays: number[];
  /** Latest time the partner's own phone logged the index (its "hit"), -1 if never. */
  lastHit: number;
}

/** Does a window starting at simulated day `from` keep one of these days? */
export function hasDayFrom(days: readonly number[], from: number): boolean {
  return days.length > 0 && days[days.length - 1]! >= from;
}

/** The first of these days at or after `from`, -1 if none. */
export function firstDayFrom(days: readonly number[], from: number): number {
  for (const d of days) if (d >= from) return d;
  return -1;
}

/** The app's verdict in a window starting at simulated day `from`: a hit and a close day. */
export function appFindsFrom(engine: Engine, v: PairVerdict, from: number): boolean {
  return (
    hasDayFrom(v.appDays, from) && v.lastHit >= decisionDayOf(engine.config, from) * SECONDS_PER_DAY
  );
}

/**
 * The pair's verdicts. `appIndex`: the index's keys reach the server (an app-using F0, or an
 * F1 the app notified). `window`: the widest window any index of this step has (the F0's);
 * sightings outside it never count.
 */
export function pairVerdict(
  engine: Engine,
  index: number,
  partner: number,
  contacts: readonly PairContact[],
  appIndex: boolean,
  window: TimeWindow,
): PairVerdict {
  const { config } = engine;
  const trueDays = trueDaysOf(engine, index, partner, contacts);
  const pop = engine.population;
  if (!appIndex || !hasApp(pop, index) || !hasApp(pop, partner)) {
    return { trueDays, appDays: [], lastHit: -1 };
  }
  const params = decisionParams(config);
  const period = params.scanPeriodSeconds;
  // Distinct close periods per UTC day, both logs, as `decide` counts them.
  const periods = new Set<number>();
  let lastHit = -1;
  pairSightings(engine, index, partner, contacts, (scanner, _adv, t, rssi, txPower) => {
    if (t < window.start || t >= window.end) return;
    if (scanner === partner && t > lastHit) lastHit = t;
    if (isClose(rssi, txPower, params)) periods.add(Math.floor(t / period));
  });
  const perDay = new Map<number, number>();
  for (const p of periods) {
    const utcDay = Math.floor((p * period) / SECONDS_PER_DAY);
    perDay.set(utcDay, (perDay.get(utcDay) ?? 0) + period);
  }
  const day0 = decisionDayOf(config, 0);
  const appDays: number[] = [];
  for (const [utcDay, seconds] of perDay) {
    if (seconds >= params.minCloseSeconds) appDays.push(utcDay - day0);
  }
  appDays.sort((a, b) => a - b);
  return { trueDays, appDays, lastHit };
}

/**
 * The days on which the pair was a true close contact, ascending. Most pairs met once in the
 * run: their one meeting is judged without the per-day map.
 */
function trueDaysOf(
  engine: Engine,
  index: number,
  partner: number,
  contacts: readonly PairContact[],
): number[] {
  const { config } = engine;
  const needed = config.close.minMinutes * 60;
  if (contacts.length === 1) {
    const c = contacts[0]!;
    const shape = contactShape(
      config,
      engine.layerSeeds[c.layer]!,
      c.layer,
      c.day,
      index,
      partner,
      c.k,
    );
    const close = shape.distanceMeters <= config.close.maxDistanceMeters && shape.seconds >= needed;
    return close ? [c.day] : [];
  }
  const trueDays: number[] = [];
  for (const [day, seconds] of closeSecondsByDay(engine, index, partner, contacts)) {
    if (seconds >= needed) trueDays.push(day);
  }
  return trueDays.sort((a, b) => a - b);
}
