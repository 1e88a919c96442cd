import { z } from "zod";
import { SECONDS_PER_DAY } from "../ids/scheme.js";

/** Log-distance path loss: rssi = txPower + oneMeterLossDb − 10 · exponent · log10(distance). */
export interface PathLoss {
  /** Received power at 1 m relative to the advertised tx power, dB (negative: a loss). */
  readonly oneMeterLossDb: number;
  /** Path-loss exponent n: 2 in free space, about 1.6–3.5 indoors and around bodies. */
  readonly exponent: number;
}

/** Every number the decision rules use; see DEFAULT_DECISION_PARAMS. */
export interface DecisionParams {
  /** What one sighting stands for, seconds; must divide a day. */
  readonly scanPeriodSeconds: number;
  /** A sighting is close if its estimated distance is ≤ this. */
  readonly closeDistanceMeters: number;
  /** A contact needs at least this many close seconds on one UTC day. */
  readonly minCloseSeconds: number;
  /** Length of an index person's window, UTC days. */
  readonly windowDays: number;
  readonly pathLoss: PathLoss;
}

export const DEFAULT_DECISION_PARAMS: DecisionParams = Object.freeze({
  // Bluezone's duty cycle: 40 s scan + 260 s sleep, so a neighbour is logged once per 300 s.
  scanPeriodSeconds: 300,
  // The close-contact definition Bluezone and most health authorities used: ≤ 2 m for ≥ 15 min.
  closeDistanceMeters: 2,
  minCloseSeconds: 900,
  // Bluezone's retention and upload window.
  windowDays: 14,
  pathLoss: Object.freeze({
    // Free-space loss at 2.4 GHz over 1 m is 20·log10(4π·1 m / 0.125 m) ≈ 40 dB; Eddystone
    // calibrates its tx power at 0 m and states the loss to 1 m as 41 dB.
    oneMeterLossDb: -41,
    // Free space. Real rooms and bodies scatter between about 1.6 and 3.5; the simulator's
    // ideal mode uses the same params, so decide recovers its true distances exactly.
    exponent: 2,
  }),
});

export const decisionParamsSchema = z.strictObject({
  scanPeriodSeconds: z
    .int()
    .min(1)
    .max(SECONDS_PER_DAY)
    .refine((s) => SECONDS_PER_DAY % s === 0, "must divide 86400 (a period never spans midnight)"),
  closeDistanceMeters: z.number().gt(0).max(1_000),
  minCloseSeconds: z.number().gt(0).max(SECONDS_PER_DAY),
  windowDays: z.int().min(1).max(366),
  pathLoss: z.strictObject({
    oneMeterLossDb: z.number().min(-200).max(200),
    exponent: z.number().gt(0).max(10),
  }),
});

const checked = new WeakSet<DecisionParams>();

/**
 * Throws a one-line error if the params break a rule of decisionParamsSchema. A params object
 * that passed is remembered (params are read-only), so per-pair calls cost one WeakSet lookup.
 */
export function checkDecisionParams(params: DecisionParams): void {
  if (checked.has(params)) return;
  const result = decisionParamsSchema.safeParse(params);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new RangeError(`decision params: ${issue.path.join(".")}: ${issue.message}`);
  }
  checked.add(params);
}
