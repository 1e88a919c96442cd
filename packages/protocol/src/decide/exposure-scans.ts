/**
 * One receiving phone's scans of one advertiser during an exposure: what the exposure rules
 * read. Scan i stands for `scanMinutes` of exposure; a scan that did not log the advertiser
 * holds NaN (every comparison with NaN is false, so it counts nowhere).
 */
export interface ExposureScans {
  /** GAEN attenuation per scan, dB: the advertiser's calibrated tx power − calibrated RSSI. */
  readonly attenuationDb: ArrayLike<number>;
  /** Raw RSSI per scan, dBm, as an app with its own BLE stack (Bluezone) logs it. */
  readonly rssiDbm: ArrayLike<number>;
  /** Minutes of exposure each scan stands for (GAEN: the time to the next scan). */
  readonly scanMinutes: number;
  readonly scannerIos: boolean;
  readonly advertiserIos: boolean;
}

/** Minutes of scans whose value satisfies `keep`. */
export function minutesWhere(
  values: ArrayLike<number>,
  scanMinutes: number,
  keep: (value: number) => boolean,
): number {
  let scans = 0;
  for (let i = 0; i < values.length; i++) if (keep(values[i]!)) scans++;
  return scans * scanMinutes;
}
