import type { DecisionParams, PathLoss } from "./params.js";
import { DEFAULT_DECISION_PARAMS } from "./params.js";

/**
 * Slack of the closeness test, dB. rssiAtDistance(d) and the threshold are computed the same
 * way, so a round trip drifts by a few ulps (≈ 1e-14 dB); 1e-9 dB absorbs that and shifts the
 * threshold by a factor of 1.00000000012 (2 m → 2.0000000002 m), far below physical meaning.
 */
export const RSSI_EPSILON_DB = 1e-9;

/** Received power at `distance` metres, relative to tx power: oneMeterLossDb − 10·n·log10(d). */
export function pathGainDb(distance: number, pathLoss: PathLoss): number {
  return pathLoss.oneMeterLossDb - 10 * pathLoss.exponent * Math.log10(distance);
}

/** RSSI at `distance` metres from a phone advertising `txPower` (the inverse of estimateDistance). */
export function rssiAtDistance(
  distance: number,
  txPower: number,
  pathLoss: PathLoss = DEFAULT_DECISION_PARAMS.pathLoss,
): number {
  return txPower + pathGainDb(distance, pathLoss);
}

/**
 * Estimated distance, metres, by log-distance path loss:
 * 10^((txPower + oneMeterLossDb − rssi) / (10·n)).
 */
export function estimateDistance(
  rssi: number,
  txPower: number,
  pathLoss: PathLoss = DEFAULT_DECISION_PARAMS.pathLoss,
): number {
  return 10 ** ((txPower + pathLoss.oneMeterLossDb - rssi) / (10 * pathLoss.exponent));
}

/**
 * The least `rssi − txPower` that is close: a sighting is close iff
 * rssi − txPower ≥ closeMarginDb(params). Comparing in the RSSI domain costs no log or power
 * per sighting and has no round-trip error beyond RSSI_EPSILON_DB.
 */
export function closeMarginDb(params: DecisionParams): number {
  return pathGainDb(params.closeDistanceMeters, params.pathLoss) - RSSI_EPSILON_DB;
}

/** Rule: estimated distance ≤ closeDistanceMeters (compared in the RSSI domain). */
export function isClose(rssi: number, txPower: number, params: DecisionParams): boolean {
  return rssi - txPower >= closeMarginDb(params);
}
