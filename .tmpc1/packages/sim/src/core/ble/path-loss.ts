import { type DecisionParams, rssiAtDistance as protocolRssiAtDistance } from "@tracebed/protocol";
import type { SimConfig } from "../config.js";

/** The decision rules' parameters for a run: the app is calibrated to the model's path loss. */
export function decisionParams(config: SimConfig, windowDays = 14): DecisionParams {
  return {
    scanPeriodSeconds: config.ble.scanPeriodSeconds,
    closeDistanceMeters: config.close.maxDistanceMeters,
    minCloseSeconds: config.close.minMinutes * 60,
    windowDays,
    pathLoss: { oneMeterLossDb: config.ble.oneMeterLossDb, exponent: config.ble.pathLossExponent },
  };
}

/** RSSI of a sighting at `distance` metres under the model's path loss, before noise. */
export function rssiAtDistance(distance: number, ble: SimConfig["ble"]): number {
  return protocolRssiAtDistance(distance, ble.txPower, {
    oneMeterLossDb: ble.oneMeterLossDb,
    exponent: ble.pathLossExponent,
  });
}
