/**
 * Handset models. GAEN corrects each model's radio with Google's calibration table (a tx
 * power and an RSSI correction per model); an app with its own BLE stack, like Bluezone, logs
 * raw RSSI, so the models' differences stay in its data:
 *
 *   raw RSSI = advertiser's calibrated tx − attenuation − scanner's RSSI correction.
 */
export interface HandsetModel {
  readonly id: string;
  /** The calibration table's tx, dBm (as an iPhone would report the same power). */
  readonly txDbm: number;
  /** The calibration table's RSSI correction, dB (Android RSSI + correction = iPhone RSSI). */
  readonly rssiCorrectionDb: number;
}

/** Google Pixel 2, the handset of the Dublin measurements (GAEN calibration table, 13 June 2020). */
export const PIXEL_2: HandsetModel = Object.freeze({
  id: "pixel-2",
  txDbm: -31,
  rssiCorrectionDb: -6,
});

/**
 * Spread of the table's values over the 313 models Google measured directly (13 June 2020
 * version): tx mean −25.3 dBm, sd 8.1 dB; RSSI correction mean −3.4 dB, sd 5.4 dB. A
 * population of raw-RSSI phones differs by these per model, as advertiser and as scanner.
 */
export const HANDSET_SPREAD = Object.freeze({
  txMeanDbm: -25.3,
  txSdDb: 8.1,
  rssiCorrectionMeanDb: -3.4,
  rssiCorrectionSdDb: 5.4,
});

/** Raw RSSI a scanner of model `scanner` logs of an advertiser of model `advertiser`. */
export function rawRssiDbm(
  attenuationDb: number,
  advertiser: HandsetModel,
  scanner: HandsetModel,
): number {
  return advertiser.txDbm - attenuationDb - scanner.rssiCorrectionDb;
}
