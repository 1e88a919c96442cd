import { describe, expect, it } from "vitest";
import {
  attenuationThresholdRuleNotifies,
  ITALIAN_RULE_2020,
  minutesAtOrBelow,
  THRESHOLD_RULE,
} from "../../src/decide/attenuation-threshold.js";
import {
  BLUEZONE_RSSI_THRESHOLDS_DBM,
  bluezoneCloseMinutes,
  platformPairThreshold,
} from "../../src/decide/bluezone-rssi.js";
import { EXPOSURE_RULE_NAMES, EXPOSURE_RULES } from "../../src/decide/exposure-rules.js";
import type { ExposureScans } from "../../src/decide/exposure-scans.js";
import {
  attenuationBucketMinutes,
  GERMAN_RULE_2020,
  SWISS_RULE_2020,
  weightedAttenuationMinutes,
} from "../../src/decide/gaen-attenuation.js";

function scans(attenuationDb: number[], rssiDbm: number[] = [], scanMinutes = 5): ExposureScans {
  return { attenuationDb, rssiDbm, scanMinutes, scannerIos: false, advertiserIos: false };
}

describe("GAEN attenuation buckets", () => {
  it("splits minutes at the thresholds, low bound inclusive in the upper bucket", () => {
    expect(attenuationBucketMinutes([49, 50, 54.9, 55, 70], 5, [50, 55])).toEqual([5, 10, 10]);
  });

  it("counts a missed scan (NaN) nowhere", () => {
    expect(attenuationBucketMinutes([Number.NaN, 40], 5, [50, 55])).toEqual([5, 0, 0]);
  });

  it("weights bucket 0 fully, bucket 1 by half (Swiss: 3 × 5 min at 52 dB is 7.5 min)", () => {
    expect(weightedAttenuationMinutes([52, 52, 52], 5, SWISS_RULE_2020)).toBe(7.5);
    expect(EXPOSURE_RULES.swiss.notifies(scans([52, 52, 52]), 15)).toBe(false);
    expect(EXPOSURE_RULES.swiss.notifies(scans([49, 49, 49]), 15)).toBe(true);
    expect(EXPOSURE_RULES.swiss.notifies(scans([49, 49, 52]), 15)).toBe(false);
    expect(EXPOSURE_RULES.swiss.notifies(scans([49, 49, 52]), 10)).toBe(true);
  });

  it("German thresholds are 55 and 63 dB", () => {
    expect(GERMAN_RULE_2020.thresholdsDb).toEqual([55, 63]);
    expect(EXPOSURE_RULES.german.notifies(scans([54, 54, 54]), 15)).toBe(true);
    expect(EXPOSURE_RULES.german.notifies(scans([54, 54, 60, 60]), 15)).toBe(true);
    expect(EXPOSURE_RULES.german.notifies(scans([54, 60, 60, 63]), 15)).toBe(false);
  });
});

describe("attenuation threshold rules", () => {
  it("counts minutes at or below the threshold", () => {
    expect(minutesAtOrBelow([73, 73.5, 60, Number.NaN], 5, 73)).toBe(10);
  });

  it("Italian: 15 min at ≤ 73 dB notifies, 10 min does not", () => {
    expect(ITALIAN_RULE_2020.maxAttenuationDb).toBe(73);
    expect(attenuationThresholdRuleNotifies(scans([70, 73, 60]), ITALIAN_RULE_2020)).toBe(true);
    expect(attenuationThresholdRuleNotifies(scans([70, 74, 60]), ITALIAN_RULE_2020)).toBe(false);
  });

  it("the threshold rule takes the duration threshold from the caller", () => {
    expect(THRESHOLD_RULE.maxAttenuationDb).toBe(55);
    expect(EXPOSURE_RULES.threshold.notifies(scans([55, 54, 80]), 15)).toBe(false);
    expect(EXPOSURE_RULES.threshold.notifies(scans([55, 54, 80]), 10)).toBe(true);
  });
});

describe("Bluezone's per-platform RSSI rule", () => {
  it("picks the threshold by scanner, then advertiser platform", () => {
    const t = BLUEZONE_RSSI_THRESHOLDS_DBM;
    expect(platformPairThreshold(t, false, false)).toBe(-86);
    expect(platformPairThreshold(t, false, true)).toBe(-69);
    expect(platformPairThreshold(t, true, false)).toBe(-88);
    expect(platformPairThreshold(t, true, true)).toBe(-74);
  });

  it("counts raw RSSI at or above the pair's threshold", () => {
    const s = { ...scans([], [-86, -87, -70, Number.NaN]), advertiserIos: false };
    expect(bluezoneCloseMinutes(s)).toBe(10);
    expect(bluezoneCloseMinutes({ ...s, advertiserIos: true })).toBe(0);
    expect(EXPOSURE_RULES.bluezone.notifies(scans([], [-80, -80, -80]), 15)).toBe(true);
    expect(EXPOSURE_RULES.bluezone.notifies(scans([], [-80, -80, -90]), 15)).toBe(false);
  });
});

describe("the rule registry", () => {
  it("names every rule under its own name", () => {
    for (const name of EXPOSURE_RULE_NAMES) expect(EXPOSURE_RULES[name].name).toBe(name);
  });

  it("a rule never notifies on an exposure with no logged scan", () => {
    const none = scans([Number.NaN, Number.NaN], [Number.NaN, Number.NaN]);
    for (const name of EXPOSURE_RULE_NAMES)
      expect(EXPOSURE_RULES[name].notifies(none, 1)).toBe(false);
  });
});
