// TEMPORARY until @tracebed/protocol's decide lands: the same rule on pre-matched evidence.
import type { Evidence } from "../ble/evidence.js";
import type { Engine } from "../engine.js";

export function appDecidesContact(
  engine: Engine,
  ev: Evidence,
  windowStart: number,
  windowEnd: number,
): boolean {
  const { ble, close } = engine.config;
  const period = ble.scanPeriodSeconds;
  const byDay = new Map<number, Set<number>>();
  for (let i = 0; i < ev.timestamps.length; i++) {
    const t = ev.timestamps[i]!;
    if (t < windowStart || t >= windowEnd) continue;
    const d =
      10 ** ((ev.txPower[i]! + ble.oneMeterLossDb - ev.rssi[i]!) / (10 * ble.pathLossExponent));
    if (d > close.maxDistanceMeters) continue;
    const day = Math.floor(t / 86400);
    let s = byDay.get(day);
    if (!s) byDay.set(day, (s = new Set()));
    s.add(Math.floor(t / period));
    if (s.size * period >= close.minMinutes * 60) return true;
  }
  return false;
}
