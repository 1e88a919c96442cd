import { EXPOSURE_RULES, type ExposureRuleName, type ExposureScans } from "@tracebed/protocol";
import { hash2, SeedTree } from "../rng.js";
import { contactOffsetDb, meanAttenuationDb, scanAttenuationDb } from "./attenuation.js";
import {
  type BenchSetup,
  bandIndex,
  DISTANCE_BANDS,
  type PublishedFigure,
  toleranceOf,
} from "./bench-setup.js";
import { rawRssiDbm } from "./handsets.js";
import { RADIO_ENVIRONMENTS } from "./registry.js";

export interface BenchOptions {
  rule: ExposureRuleName;
  /** Exposure-duration threshold of the rule, minutes (default 15). */
  minutes?: number;
  seed?: number | string;
  /** Independent replays of the whole experiment, pooled (default 200). */
  replicates?: number;
}

export interface BandResult {
  band: string;
  fromMeters: number;
  toMeters: number | null;
  /** Pairs of one replay in this band. */
  pairs: number;
  /** Share of them notified, over all replays; null for an empty band. */
  notifiedRate: number | null;
}

export interface Comparison {
  published: PublishedFigure;
  tolerance: number;
  /** Both published rates (where not null) within tolerance of the model's. */
  withinTolerance: boolean;
}

export interface BenchResult {
  setup: string;
  environment: string;
  rule: ExposureRuleName;
  ruleSummary: string;
  minutes: number;
  seed: number | string;
  replicates: number;
  /** Ordered handset pairs of one replay, and how many are within / beyond the close distance. */
  pairs: number;
  closePairs: number;
  farPairs: number;
  /** Share of close pairs notified, over all replays. */
  truePositiveRate: number;
  /** Share of far pairs notified, over all replays; null when the set-up has none. */
  falsePositiveRate: number | null;
  byDistance: BandResult[];
  comparison: Comparison | null;
}

/**
 * Replays `setup` `replicates` times through its environment's radio model and the rule.
 * Every draw is a hash of (seed, replay, pair, scan): same inputs, same result.
 */
export function runRadioBench(setup: BenchSetup, options: BenchOptions): BenchResult {
  const rule = EXPOSURE_RULES[options.rule];
  const minutes = options.minutes ?? 15;
  const seed = options.seed ?? 1;
  const replicates = options.replicates ?? 200;
  const env = RADIO_ENVIRONMENTS[setup.environment];
  const tree = new SeedTree(seed);
  const scanCount = Math.round(setup.exposureMinutes / setup.scanMinutes);
  const attenuationDb = new Float64Array(scanCount);
  const rssiDbm = new Float64Array(scanCount);
  const scans: ExposureScans = {
    attenuationDb,
    rssiDbm,
    scanMinutes: setup.scanMinutes,
    scannerIos: false,
    advertiserIos: false,
  };
  const bandPairs = new Uint32Array(DISTANCE_BANDS.length);
  const bandNotified = new Uint32Array(DISTANCE_BANDS.length);
  let close = 0;
  let far = 0;
  let closeNotified = 0;
  let farNotified = 0;
  for (let r = 0; r < replicates; r++) {
    const replay = tree.stream("radio-bench", r);
    let pairIndex = 0;
    for (const group of setup.pairs) {
      const level = meanAttenuationDb(env, group.distanceMeters);
      const band = bandIndex(group.distanceMeters);
      const isClose = group.distanceMeters <= setup.closeDistanceMeters;
      for (let c = 0; c < group.count; c++, pairIndex++) {
        const contact = hash2(replay, pairIndex);
        const pairLevel = level + contactOffsetDb(env, contact);
        for (let s = 0; s < scanCount; s++) {
          const a = scanAttenuationDb(env, pairLevel, hash2(contact, 16 + s));
          attenuationDb[s] = a;
          rssiDbm[s] = rawRssiDbm(a, setup.handset, setup.handset);
        }
        const notified = rule.notifies(scans, minutes) ? 1 : 0;
        bandPairs[band]!++;
        bandNotified[band]! += notified;
        if (isClose) {
          close++;
          closeNotified += notified;
        } else {
          far++;
          farNotified += notified;
        }
      }
    }
  }
  const truePositiveRate = close === 0 ? 0 : closeNotified / close;
  const falsePositiveRate = far === 0 ? null : farNotified / far;
  return {
    setup: setup.id,
    environment: env.id,
    rule: rule.name,
    ruleSummary: rule.summary,
    minutes,
    seed,
    replicates,
    pairs: (close + far) / replicates,
    closePairs: close / replicates,
    farPairs: far / replicates,
    truePositiveRate,
    falsePositiveRate,
    byDistance: DISTANCE_BANDS.map((b, i) => ({
      band: b.band,
      fromMeters: b.fromMeters,
      toMeters: Number.isFinite(b.toMeters) ? b.toMeters : null,
      pairs: bandPairs[i]! / replicates,
      notifiedRate: bandPairs[i] === 0 ? null : bandNotified[i]! / bandPairs[i]!,
    })),
    comparison: compare(setup, rule.name, minutes, truePositiveRate, falsePositiveRate),
  };
}

function compare(
  setup: BenchSetup,
  rule: ExposureRuleName,
  minutes: number,
  tpr: number,
  fpr: number | null,
): Comparison | null {
  const published = setup.published.find((p) => p.rule === rule && p.minutes === minutes);
  if (published === undefined) return null;
  const tolerance = toleranceOf(
    Math.max(published.truePositiveRate, published.falsePositiveRate ?? 0),
  );
  const near = (model: number | null, paper: number | null) =>
    paper === null || (model !== null && Math.abs(model - paper) <= tolerance);
  return {
    published,
    tolerance,
    withinTolerance:
      near(tpr, published.truePositiveRate) && near(fpr, published.falsePositiveRate),
  };
}
