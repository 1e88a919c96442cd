import { EXPOSURE_RULES } from "../../decide/exposure-rules.js";

/**
 * The GAEN phone's decision: the attenuation rules that GAEN apps shipped (SwissCovid,
 * Corona-Warn-App, Immuni; decide/gaen-attenuation.ts, attenuation-threshold.ts), applied to
 * one phone's scans of one matched key (one advertiser, one UTC day: a TEK).
 */
export const GAEN_RULE_NAMES = ["swiss", "german", "italian"] as const;
export type GaenRuleName = (typeof GAEN_RULE_NAMES)[number];

export interface GaenExposureConfig {
  readonly rule: GaenRuleName;
  /** Weighted minutes (or minutes under the threshold, Immuni) that notify; default 15. */
  readonly minMinutes: number;
}

/** Corona-Warn-App's settings by default (an assumption: docs/PROTOCOLS.md, "GAEN"). */
export const DEFAULT_GAEN_EXPOSURE: GaenExposureConfig = Object.freeze({
  rule: "german",
  minMinutes: 15,
});

export function isGaenRuleName(name: string): name is GaenRuleName {
  return (GAEN_RULE_NAMES as readonly string[]).includes(name);
}

/** GAEN attenuation of a sighting: the advertised tx power − the RSSI received, dB. */
export function gaenAttenuationDb(txPower: number, rssi: number): number {
  return txPower - rssi;
}

/**
 * Does one matched key notify? `attenuationDb` holds one value per scan that logged one of the
 * key's RPIs, each scan standing for `scanMinutes`.
 */
export function gaenKeyNotifies(
  attenuationDb: ArrayLike<number>,
  scanMinutes: number,
  config: GaenExposureConfig = DEFAULT_GAEN_EXPOSURE,
): boolean {
  return EXPOSURE_RULES[config.rule].notifies(
    { attenuationDb, rssiDbm: [], scanMinutes, scannerIos: false, advertiserIos: false },
    config.minMinutes,
  );
}
