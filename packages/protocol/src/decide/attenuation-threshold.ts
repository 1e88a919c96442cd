import type { ExposureScans } from "./exposure-scans.js";
import { minutesWhere } from "./exposure-scans.js";

/** Notify when the minutes at attenuation ≤ maxAttenuationDb reach minMinutes. */
export interface AttenuationThresholdRule {
  readonly maxAttenuationDb: number;
  readonly minMinutes: number;
}

/** Minutes of logged scans at attenuation ≤ maxAttenuationDb. */
export function minutesAtOrBelow(
  attenuationDb: ArrayLike<number>,
  scanMinutes: number,
  maxAttenuationDb: number,
): number {
  return minutesWhere(attenuationDb, scanMinutes, (a) => a <= maxAttenuationDb);
}

/** Does the rule notify? `minMinutes` overrides the rule's own duration threshold. */
export function attenuationThresholdRuleNotifies(
  scans: Pick<ExposureScans, "attenuationDb" | "scanMinutes">,
  rule: AttenuationThresholdRule,
  minMinutes = rule.minMinutes,
): boolean {
  return (
    minutesAtOrBelow(scans.attenuationDb, scans.scanMinutes, rule.maxAttenuationDb) >= minMinutes
  );
}

/**
 * Immuni, configuration of 22 June 2020: attenuation bucket scores [0, 5, 5, 5, 5, 5, 5, 5]
 * over GAEN v1's attenuation levels (score 0 only above 73 dB), duration scores 5 from 15
 * minutes, minimum risk score 20: time at ≤ 73 dB for 15 minutes notifies.
 */
export const ITALIAN_RULE_2020: AttenuationThresholdRule = Object.freeze({
  maxAttenuationDb: 73,
  minMinutes: 15,
});

/**
 * The threshold rule: time at ≤ 55 dB (the Swiss configuration's upper threshold) for 15
 * minutes. The threshold is an assumption (docs/MODEL.md, "Radio").
 */
export const THRESHOLD_RULE: AttenuationThresholdRule = Object.freeze({
  maxAttenuationDb: 55,
  minMinutes: 15,
});
