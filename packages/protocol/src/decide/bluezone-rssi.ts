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
 * Bluezone's own RSSI filters (its configuration's RssiThreshold_* values, as the scenarios
 * carry them): a sighting counts when its raw RSSI is at least the pair's threshold.
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
