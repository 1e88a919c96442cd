import type { LayerConfig, SimConfig } from "../core/config.js";

/**
 * One uncertain parameter of the calibration, changed one at a time to `low` and `high`
 * (docs/MODEL.md, "The 17 → 82 figure"). `base` is the value the scenario ships with.
 */
export interface SensitivityParameter {
  parameter: string;
  /** What the value means. */
  unit: string;
  base: number;
  low: number;
  high: number;
  /** Where the range comes from. */
  basis: string;
  apply(config: SimConfig, value: number): SimConfig;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function mapLayers(config: SimConfig, f: (l: LayerConfig) => LayerConfig): SimConfig {
  return { ...config, layers: config.layers.map(f) };
}

function withRadio(
  config: SimConfig,
  key: "indoorPlacementLoss" | "transitExcess" | "handsetOffset",
  value: number,
): SimConfig {
  return {
    ...config,
    ble: { ...config.ble, radioVariation: { ...config.ble.radioVariation, [key]: value } },
  };
}

/** The parameters the calibration figure is tested against, with their low/high values. */
export function sensitivityParameters(base: SimConfig): SensitivityParameter[] {
  const active = base.activeShare ?? { android: 1, ios: 1 };
  const activeBase = (active.android + active.ios) / 2;
  const installs = base.adoption.mode === "policy" ? base.adoption.byRegion[0]! : 0;
  return [
    {
      parameter: "installShare",
      unit: "share of the population with the app installed",
      base: installs,
      low: 0.08,
      high: 0.404,
      basis:
        "where the F0 lived: below 8% in the five lowest provinces, 40.4% in Đà Nẵng, the outbreak's centre (20 Aug 2020, docs/SOURCES.md)",
      apply: (c, v) =>
        c.adoption.mode === "policy"
          ? { ...c, adoption: { ...c.adoption, byRegion: c.adoption.byRegion.map(() => v) } }
          : c,
    },
    {
      parameter: "activeShare",
      unit: "share of installs running with Bluetooth on (both platforms)",
      base: activeBase,
      low: 0.2,
      high: 0.76,
      basis:
        "low: half the Ministry's May 2021 count (40% Hà Nội, 38% HCM City); high: the NHS app's regular users over its downloads (16.5 / 21.7 million)",
      apply: (c, v) => ({ ...c, activeShare: { android: v, ios: v } }),
    },
    {
      parameter: "transitAttenuation",
      unit: "× transit's attenuation above the 1 m open-room reference (13.9 dB as measured)",
      base: 1,
      low: 0.5,
      high: 2,
      basis: "halved / doubled (assumption: Dublin's tram applied to Vietnamese transport)",
      apply: (c, v) => withRadio(c, "transitExcess", v),
    },
    {
      parameter: "indoorPlacementLoss",
      unit: "× indoor placement losses (pocket, bag, body)",
      base: 1,
      low: 0.5,
      high: 2,
      basis: "halved / doubled (assumption)",
      apply: (c, v) => withRadio(c, "indoorPlacementLoss", v),
    },
    {
      parameter: "handsetOffset",
      unit: "× each phone model's raw-RSSI offset",
      base: 1,
      low: 0,
      high: 1.5,
      basis: "0: a calibrated stack (as GAEN); 1.5: a wider spread of models than Google's table",
      apply: (c, v) => withRadio(c, "handsetOffset", v),
    },
    {
      parameter: "iosBackgroundShare",
      unit: "share of 5-minute periods an iPhone's app is in the background",
      base: base.ble.iosBackgroundShare,
      low: 0.5,
      high: 1,
      basis:
        "assumption: apps in the foreground half the time / never (two backgrounded iPhones see nothing of each other)",
      apply: (c, v) => ({ ...c, ble: { ...c.ble, iosBackgroundShare: v } }),
    },
    {
      parameter: "manualRecallKnown",
      unit: "× tracers' recall of known people (household, colleagues, regular partners), capped at 1",
      base: 1,
      low: 0.75,
      high: 1.25,
      basis: '±25% (assumption; docs/MODEL.md, "Manual tracing")',
      apply: (c, v) => mapLayers(c, (l) => ({ ...l, manualRecall: clamp01(l.manualRecall * v) })),
    },
    {
      parameter: "manualRecallStrangers",
      unit: "× tracers' recall of one-off strangers, capped at 1",
      base: 1,
      low: 0.5,
      high: 2,
      basis: "halved / doubled (assumption)",
      apply: (c, v) =>
        mapLayers(c, (l) => ({
          ...l,
          manualRecallStrangers: clamp01(l.manualRecallStrangers * v),
        })),
    },
    {
      parameter: "contactsPerDay",
      unit: "× contacts per person per day of every layer but the household",
      base: 1,
      low: 0.5,
      high: 1.5,
      basis:
        "Horby et al. 2011's 7.7 diary contacts a day against the model's ≈ 11.1 (low); OpenABM's 12.65 and more (high)",
      apply: (c, v) =>
        mapLayers(c, (l) =>
          l.kind === "household"
            ? l
            : {
                ...l,
                contactsPerDay: l.contactsPerDay * v,
                ...(l.contactsByAgeBand
                  ? { contactsByAgeBand: l.contactsByAgeBand.map((x) => x * v) }
                  : {}),
              },
        ),
    },
    {
      parameter: "regularShare",
      unit: "× share of mixing contacts with regular partners, capped at 1",
      base: 1,
      low: 0.5,
      high: 2,
      basis: "halved / doubled (assumption: no published figure for Viet Nam)",
      apply: (c, v) =>
        mapLayers(c, (l) =>
          l.regular ? { ...l, regular: { ...l.regular, share: clamp01(l.regular.share * v) } } : l,
        ),
    },
  ];
}
