import { type ExposureScans, minutesWhere } from "./exposure-scans.js";

/**
 * GAEN attenuation buckets (v1 `attenuationDurations`): time below the low threshold, time
 * from the low to the high threshold, time above it. A rule weights the first two and
 * notifies when the weighted minutes reach its threshold.
 */
export interface AttenuationBucketRule {
  /** [low, high], dB: bucket 0 is attenuation < low, bucket 1 is low ≤ attenuation < high. */
  readonly thresholdsDb: readonly [number, number];
  /** Weights of bucket 0 and bucket 1; bucket 2 (≥ high) weighs 0. */
  readonly weights: readonly [number, number];
  /** Weighted minutes that trigger a notification. */
  readonly minWeightedMinutes: number;
}

/** Minutes in bucket 0, 1 and 2 of the rule's thresholds; missed scans count nowhere. */
export function attenuationBucketMinutes(
  attenuationDb: ArrayLike<number>,
  scanMinutes: number,
  thresholdsDb: readonly [number, number],
): [number, number, number] {
  const [low, high] = thresholdsDb;
  return [
    minutesWhere(attenuationDb, scanMinutes, (a) => a < low),
    minutesWhere(attenuationDb, scanMinutes, (a) => a >= low && a < high),
    minutesWhere(attenuationDb, scanMinutes, (a) => a >= high),
  ];
}

/** weights[0] · minutes below low + weights[1] · minutes from low to high. */
export function weightedAttenuationMinutes(
  attenuationDb: ArrayLike<number>,
  scanMinutes: number,
  rule: Pick<AttenuationBucketRule, "thresholdsDb" | "weights">,
): number {
  const [b0, b1] = attenuationBucketMinutes(attenuationDb, scanMinutes, rule.thresholdsDb);
  return rule.weights[0] * b0 + rule.weights[1] * b1;
}

/** Does the rule notify? `minMinutes` overrides the rule's own weighted-minutes threshold. */
export function attenuationBucketRuleNotifies(
  scans: Pick<ExposureScans, "attenuationDb" | "scanMinutes">,
  rule: AttenuationBucketRule,
  minMinutes = rule.minWeightedMinutes,
): boolean {
  return weightedAttenuationMinutes(scans.attenuationDb, scans.scanMinutes, rule) >= minMinutes;
}

/**
 * SwissCovid, June 2020: thresholds 50 and 55 dB (the test-phase and launch configuration,
 * admin-ch/PT-System-Documents issue 2), weights 1 and 0.5 and 15 minutes (the DP-3T SDK's
 * attenuation factors and minimum duration), as Leith & Farrell applied it (docs/MODEL.md).
 */
export const SWISS_RULE_2020: AttenuationBucketRule = Object.freeze({
  thresholdsDb: Object.freeze([50, 55] as const),
  weights: Object.freeze([1, 0.5] as const),
  minWeightedMinutes: 15,
});

/**
 * Corona-Warn-App, configuration of 22 June 2020: thresholds 55 and 63 dB, weights 1 and 0.5.
 * Its risk score multiplies the weighted minutes by transmission risk × days level / 25 and
 * warns from 15; at transmission risk level 5 (days level 5) that is 15 weighted minutes.
 */
export const GERMAN_RULE_2020: AttenuationBucketRule = Object.freeze({
  thresholdsDb: Object.freeze([55, 63] as const),
  weights: Object.freeze([1, 0.5] as const),
  minWeightedMinutes: 15,
});
