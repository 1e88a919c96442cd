/**
 * A radio environment: how GAEN-calibrated attenuation between two phones behaves in one kind
 * of place. Attenuation of one scan, dB:
 *
 *   oneMeterAttenuationDb + 10 · pathLossExponent · log10(d / 1 m)
 *     + pair offset (normal, pairSdDb: who stands or sits where, bodies, orientation)
 *     + the two phones' placement losses (pocket, bag, hand, table)
 *     + fading (normal, fadingSdDb, fresh every scan: multipath)
 *
 * A scan logs the advertiser at all with scanDetectProbability. Every value cites its source
 * in docs/MODEL.md ("Radio"); values without a measurement are marked there as assumptions.
 */

export const RADIO_ENVIRONMENT_IDS = ["home", "office", "shop", "transit"] as const;
export type RadioEnvironmentId = (typeof RADIO_ENVIRONMENT_IDS)[number];

/** Where a phone is carried during a contact, with the extra attenuation that costs. */
export interface Placement {
  readonly id: string;
  /** Share of phones carried this way; an environment's shares sum to 1. */
  readonly share: number;
  /** Extra attenuation, dB, when this phone is one end of the link. */
  readonly lossDb: number;
}

export interface RadioEnvironment {
  readonly id: RadioEnvironmentId;
  readonly name: string;
  /** Attenuation at 1 m before placement losses, dB. */
  readonly oneMeterAttenuationDb: number;
  /** n in 10 · n · log10(d): 2 in free space; near 0 where metal reflections dominate. */
  readonly pathLossExponent: number;
  /** Spread of the per-pair offset over a contact, dB (standard deviation). */
  readonly pairSdDb: number;
  /** Spread of one scan around its pair's level, dB (standard deviation). */
  readonly fadingSdDb: number;
  /** Each phone's carrying position, drawn once per contact. */
  readonly placements: readonly Placement[];
  /** Probability that one scan logs the advertiser. */
  readonly scanDetectProbability: number;
  /** Source ids (docs/MODEL.md); "assumption" where a value has none. */
  readonly sources: readonly string[];
}

/** Distances below this are treated as this (phones do not overlap), metres. */
export const MIN_DISTANCE_METERS = 0.1;
