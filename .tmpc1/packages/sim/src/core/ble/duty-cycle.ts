import type { BleConfig } from "../config.js";
import { below, hash2, hash3, unit } from "../rng.js";

/**
 * When Bluezone's phones scan and advertise (docs/MODEL.md, "Radio", "The app side").
 *
 * - An Android phone scans `scanWindowSeconds` of every `scanPeriodSeconds` and advertises
 *   `advertiseOnSeconds` of every `advertisePeriodSeconds`, each cycle at its own phase, fixed
 *   per phone (drawn from the run's BLE seed).
 * - An iPhone scans and advertises without a cycle. Its app is in the background in a scan
 *   period with probability `iosBackgroundShare`, per phone and period: two iPhones both in
 *   the background see nothing of each other.
 *
 * Seconds are whole; every function is a pure hash of (seed, phone, period).
 */

/** Start of an Android phone's scan window within each scan period, seconds. */
export function scanWindowOffset(ble: BleConfig, seed: number, phone: number): number {
  // The same draw as ideal mode's scan phase, so both modes put a phone's window in one place.
  return below(hash2(seed, phone), ble.scanPeriodSeconds - ble.scanWindowSeconds);
}

/** Phase of an Android phone's advertising cycle: it advertises while (t − phase) mod period < on. */
export function advertisePhase(ble: BleConfig, seed: number, phone: number): number {
  return below(hash3(seed, phone, 0x61647674), ble.advertisePeriodSeconds);
}

/**
 * The first second in [from, to) at which an Android advertiser with `phase` is on air, or -1.
 * No allocation: the hot loop calls it per scan.
 */
export function firstAdvertisingSecond(
  from: number,
  to: number,
  phase: number,
  onSeconds: number,
  periodSeconds: number,
): number {
  const into = (((from - phase) % periodSeconds) + periodSeconds) % periodSeconds;
  const t = into < onSeconds ? from : from + periodSeconds - into;
  return t < to ? t : -1;
}

/** Is an iPhone's app in the background during scan period `period`? */
export function iosInBackground(
  ble: BleConfig,
  seed: number,
  phone: number,
  period: number,
): boolean {
  return unit(hash3(seed ^ 0x62676e64, phone, period)) < ble.iosBackgroundShare;
}

/** One direction of a pair in a scan period: the scanner's and the advertiser's cycles. */
export interface ScanSides {
  scannerIos: boolean;
  /** The scanner's scan-window offset (an Android phone's; unused for an iPhone). */
  scanOffset: number;
  advertiserIos: boolean;
  /** The advertiser's advertising phase (an Android phone's; unused for an iPhone). */
  advertisePhase: number;
}

/**
 * The second at which a scan in scan period `period` logs the advertiser during a meeting
 * [start, end), or -1: the first second the scanner's window (an Android phone's
 * `scanWindowSeconds` from its offset, an iPhone's whole period), the meeting and the
 * advertiser's time on air (an Android phone's cycle, an iPhone's always) overlap.
 */
export function scanSecond(
  ble: BleConfig,
  period: number,
  sides: ScanSides,
  start: number,
  end: number,
): number {
  const length = ble.scanPeriodSeconds;
  const t0 = period * length;
  // Seconds into the period: small integers, so the modulo below stays an integer one.
  const s = start - t0;
  const e = end - t0;
  const from = sides.scannerIos ? 0 : sides.scanOffset;
  const to = sides.scannerIos ? length : from + ble.scanWindowSeconds;
  const lo = from > s ? from : s;
  const hi = to < e ? to : e;
  if (lo >= hi) return -1;
  if (sides.advertiserIos) return t0 + lo;
  const cycle = ble.advertisePeriodSeconds;
  // The advertiser's phase counted from the period's start: t0 mod cycle from small factors.
  const shift = ((period % cycle) * (length % cycle)) % cycle;
  const t = firstAdvertisingSecond(
    lo,
    hi,
    (sides.advertisePhase - shift + cycle) % cycle,
    ble.advertiseOnSeconds,
    cycle,
  );
  return t < 0 ? -1 : t0 + t;
}
