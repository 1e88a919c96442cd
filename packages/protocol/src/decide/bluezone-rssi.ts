import type { ExposureScans } from "./exposure-scans.js";
import { minutesWhere } from "./exposure-scans.js";

/** A value per (scanner, advertiser) platform pair, scanner first. */
export interface PlatformPairDbm {
  readonly androidAndroid: number;
  readonly androidIos: number;
  readonly iosAndroid: number;
  readonly iosIos: number;
}

/**
 * Bluezone's per-platform RSSI thresholds (its configuration's RssiThreshold_<scanner>_<advertiser>
 * values, as the scenarios carry them). The app marks a seen phone near on its nearby-devices
 * screen when the RSSI is at least the pair's threshold; it logs every sighting regardless.
 * As a decision rule (a sighting counts when its raw RSSI reaches the threshold) they are the
 * radio bench's hypothesis of what a server could do (docs/MODEL.md, "Radio").
 */
export const BLUEZONE_RSSI_THRESHOLDS_DBM: PlatformPairDbm = Object.freeze({
  androidAndroid: -86,
  androidIos: -69,
  iosAndroid: -88,
  iosIos: -74,
});

/** The threshold for a scanner and advertiser platform. */
export function platformPairThreshold(
  thresholds: PlatformPairDbm,
  scannerIos: boolean,
  advertiserIos: boolean,
): number {
  if (scannerIos) return advertiserIos ? thresholds.iosIos : thresholds.iosAndroid;
  return advertiserIos ? thresholds.androidIos : thresholds.androidAndroid;
}

/** Minutes of logged scans at raw RSSI ≥ the platform pair's threshold. */
export function bluezoneCloseMinutes(
  scans: Pick<ExposureScans, "rssiDbm" | "scanMinutes" | "scannerIos" | "advertiserIos">,
  thresholds: PlatformPairDbm = BLUEZONE_RSSI_THRESHOLDS_DBM,
): number {
  const min = platformPairThreshold(thresholds, scans.scannerIos, scans.advertiserIos);
  return minutesWhere(scans.rssiDbm, scans.scanMinutes, (r) => r >= min);
}

/** Bluezone's per-platform rule: close minutes (by its RSSI filters) reach minMinutes. */
export function bluezoneRuleNotifies(
  scans: Pick<ExposureScans, "rssiDbm" | "scanMinutes" | "scannerIos" | "advertiserIos">,
  minMinutes = 15,
  thresholds: PlatformPairDbm = BLUEZONE_RSSI_THRESHOLDS_DBM,
): boolean {
  return bluezoneCloseMinutes(scans, thresholds) >= minMinutes;
}
