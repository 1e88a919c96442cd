import type { LayerKind } from "../config.js";
import { hash2, hash3, normal } from "../rng.js";
import { contactOffsetDb, meanAttenuationDb } from "./attenuation.js";
import type { RadioEnvironment } from "./environment.js";
import { HANDSET_SPREAD } from "./handsets.js";
import { HOME } from "./home.js";
import { radioEnvironmentOfLayer } from "./registry.js";
import { type RadioVariation, variedEnvironmentOfLayer } from "./variation.js";

/**
 * `--ble realistic` through the radio environments. The app's calibration (the scenario's
 * path loss) is anchored on an open-room link at 1 m with phones in hand: such a link reads
 * the scenario's RSSI at 1 m (an assumption, docs/MODEL.md "Radio"). A contact elsewhere reads
 * lower by its environment's attenuation above that reference, and a raw-RSSI app like
 * Bluezone keeps each phone model's offset (Google's calibration table spread).
 */
export const REFERENCE_ATTENUATION_DB = HOME.oneMeterAttenuationDb;

/** A contact's radio: its environment and its attenuation above the reference, dB. */
export interface ContactRadio {
  readonly env: RadioEnvironment;
  readonly excessDb: number;
}

export function contactRadio(
  kind: LayerKind,
  distanceMeters: number,
  contactSeed: number,
  variation?: RadioVariation,
): ContactRadio {
  const env = variation ? variedEnvironmentOfLayer(kind, variation) : radioEnvironmentOfLayer(kind);
  const level = meanAttenuationDb(env, distanceMeters) + contactOffsetDb(env, contactSeed);
  return { env, excessDb: level - REFERENCE_ATTENUATION_DB };
}

/**
 * The phone models' share of a raw RSSI: the advertiser's tx above the mean model plus the
 * scanner's gain above the mean model, dB; fixed per phone (drawn from `seed` and the agent).
 */
export function handsetOffsetDb(seed: number, advertiser: number, scanner: number): number {
  const tx = HANDSET_SPREAD.txSdDb * normal(hash3(seed, advertiser, 1), hash3(seed, advertiser, 2));
  const gain =
    HANDSET_SPREAD.rssiCorrectionSdDb * normal(hash3(seed, scanner, 3), hash3(seed, scanner, 4));
  return tx + gain;
}

/** RSSI of one scan of the contact, dBm, given the scenario's RSSI at 1 m. */
export function realisticScanRssi(
  rssiAt1m: number,
  radio: ContactRadio,
  handsetDb: number,
  scanSeed: number,
): number {
  const fading = radio.env.fadingSdDb * normal(hash2(scanSeed, 5), hash2(scanSeed, 6));
  return rssiAt1m - radio.excessDb - fading + handsetDb;
}
