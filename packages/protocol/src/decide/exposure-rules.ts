import {
  attenuationThresholdRuleNotifies,
  ITALIAN_RULE_2020,
  THRESHOLD_RULE,
} from "./attenuation-threshold.js";
import { bluezoneRuleNotifies } from "./bluezone-rssi.js";
import type { ExposureScans } from "./exposure-scans.js";
import {
  attenuationBucketRuleNotifies,
  GERMAN_RULE_2020,
  SWISS_RULE_2020,
} from "./gaen-attenuation.js";

export const EXPOSURE_RULE_NAMES = ["swiss", "german", "italian", "threshold", "bluezone"] as const;
export type ExposureRuleName = (typeof EXPOSURE_RULE_NAMES)[number];

/** A named exposure-notification rule over one receiver's scans of one advertiser. */
export interface ExposureRule {
  readonly name: ExposureRuleName;
  /** One line saying what notifies. */
  readonly summary: string;
  /** Does the rule notify, with the exposure-duration threshold set to `minMinutes`? */
  notifies(scans: ExposureScans, minMinutes: number): boolean;
}

/** The rules Leith & Farrell evaluated on Dublin's bus and tram, plus Bluezone's. */
export const EXPOSURE_RULES: Readonly<Record<ExposureRuleName, ExposureRule>> = Object.freeze({
  swiss: {
    name: "swiss",
    summary: "SwissCovid: minutes < 50 dB + 0.5 × minutes 50–55 dB ≥ M",
    notifies: (s, m) => attenuationBucketRuleNotifies(s, SWISS_RULE_2020, m),
  },
  german: {
    name: "german",
    summary: "Corona-Warn-App: minutes < 55 dB + 0.5 × minutes 55–63 dB ≥ M",
    notifies: (s, m) => attenuationBucketRuleNotifies(s, GERMAN_RULE_2020, m),
  },
  italian: {
    name: "italian",
    summary: "Immuni: minutes ≤ 73 dB ≥ M",
    notifies: (s, m) => attenuationThresholdRuleNotifies(s, ITALIAN_RULE_2020, m),
  },
  threshold: {
    name: "threshold",
    summary: "threshold rule: minutes ≤ 55 dB ≥ M",
    notifies: (s, m) => attenuationThresholdRuleNotifies(s, THRESHOLD_RULE, m),
  },
  bluezone: {
    name: "bluezone",
    summary: "Bluezone: minutes at raw RSSI ≥ its per-platform threshold ≥ M",
    notifies: (s, m) => bluezoneRuleNotifies(s, m),
  },
});

export function isExposureRuleName(name: string): name is ExposureRuleName {
  return (EXPOSURE_RULE_NAMES as readonly string[]).includes(name);
}
