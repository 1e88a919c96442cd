import type { ExposureRuleName } from "@tracebed/protocol";
import type { RadioEnvironmentId } from "./environment.js";
import type { HandsetModel } from "./handsets.js";

/** Ordered handset pairs (a receiver logging an advertiser) at one distance. */
export interface BenchPairs {
  readonly distanceMeters: number;
  readonly count: number;
}

/** A figure a paper published for one rule at one exposure-duration threshold. */
export interface PublishedFigure {
  readonly rule: ExposureRuleName;
  readonly minutes: number;
  /** Share of pairs within closeDistanceMeters that the rule notified. */
  readonly truePositiveRate: number;
  /** Share of pairs beyond it that the rule notified; null where the set-up has none. */
  readonly falsePositiveRate: number | null;
}

/**
 * A controlled experiment: handsets of one model at known distances in one environment for a
 * fixed time, each logging the others every scanMinutes.
 */
export interface BenchSetup {
  readonly id: string;
  readonly name: string;
  readonly environment: RadioEnvironmentId;
  readonly handset: HandsetModel;
  /** How long every pair stays in place, minutes. */
  readonly exposureMinutes: number;
  /** Minutes between two scans; each logged scan stands for this long. */
  readonly scanMinutes: number;
  /** Pairs at or within this distance are true contacts, metres. */
  readonly closeDistanceMeters: number;
  readonly pairs: readonly BenchPairs[];
  /** Source id (docs/MODEL.md) and how the positions follow it. */
  readonly source: string;
  readonly positions: string;
  readonly published: readonly PublishedFigure[];
}

/** The distance bands results are reported in, metres: (from, to]. */
export const DISTANCE_BANDS = Object.freeze([
  { band: "≤1 m", fromMeters: 0, toMeters: 1 },
  { band: "1–2 m", fromMeters: 1, toMeters: 2 },
  { band: "2–3 m", fromMeters: 2, toMeters: 3 },
  { band: ">3 m", fromMeters: 3, toMeters: Number.POSITIVE_INFINITY },
] as const);

export function bandIndex(distanceMeters: number): number {
  for (let i = 0; i < DISTANCE_BANDS.length; i++) {
    if (distanceMeters <= DISTANCE_BANDS[i]!.toMeters) return i;
  }
  return DISTANCE_BANDS.length - 1;
}

/**
 * How far the model may sit from a published rate and still count as reproducing it: 5
 * percentage points for rates up to 10%, 15 points above (about the 95% binomial half-width
 * of a 50% rate over the ≈ 50 pairs of one band of the paper).
 */
export function toleranceOf(publishedRate: number): number {
  return publishedRate <= 0.1 ? 0.05 : 0.15;
}
