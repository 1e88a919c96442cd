import type { BleConfig } from "../config.js";
import { contactShape } from "../contacts.js";
import type { Engine } from "../engine.js";
import { FLAG_IOS } from "../population/population.js";
import { contactRadio, handsetOffsetDb, realisticScanRssi } from "../radio/realistic.js";
import { below, hash2, hash3, unit } from "../rng.js";
import { rssiAtDistance } from "./path-loss.js";

/** Sightings standing for one pair: what `decide` reads from the two phones' logs. */
export interface Evidence {
  timestamps: number[];
  rssi: number[];
  txPower: number[];
}

/** A contact of a pair, as kept by a scan. */
export interface PairContact {
  day: number;
  layer: number;
  k: number;
}

export function emptyEvidence(): Evidence {
  return { timestamps: [], rssi: [], txPower: [] };
}

/** Second within its scan period at which a phone's scan window catches a sighting. */
function scanPhase(ble: BleConfig, seed: number, scanner: number, period: number): number {
  const windowStart = below(hash2(seed, scanner), ble.scanPeriodSeconds - ble.scanWindowSeconds);
  return windowStart + below(hash3(seed, scanner, period), ble.scanWindowSeconds);
}

function detectProbability(ble: BleConfig, scannerIos: boolean, advertiserIos: boolean): number {
  if (scannerIos) return advertiserIos ? ble.detect.iosIos : ble.detect.iosAndroid;
  return advertiserIos ? ble.detect.androidIos : ble.detect.androidAndroid;
}

/** Receives one sighting: `scanner`'s phone logged `advertiser`'s ID. */
export type SightingVisitor = (
  scanner: number,
  advertiser: number,
  timestamp: number,
  rssi: number,
  txPower: number,
) => void;

/**
 * The sightings two app users' phones log of each other during their contacts. Ideal BLE:
 * in every scan period of the contact each phone logs the other once, noise-free, at the
 * true distance. Realistic: each phone scans once a period and logs the other with the
 * platform pair's detection probability, at an RSSI with a per-pair offset and per-sighting
 * noise, if above the scanner's sensitivity. A phone logs and advertises only from its
 * install day.
 */
export function pairSightings(
  engine: Engine,
  a: number,
  b: number,
  contacts: readonly PairContact[],
  visit: SightingVisitor,
): void {
  const { config, population: pop } = engine;
  const ble = config.ble;
  const seed = engine.seeds.stream("ble");
  const pairSeed = hash3(seed, Math.min(a, b), Math.max(a, b));
  // Realistic: each phone model's raw-RSSI offset, per direction, and the 1 m anchor.
  const realistic = ble.mode === "realistic";
  const handsets = hash2(seed, 0x68616e64);
  const offsetAtA = realistic ? handsetOffsetDb(handsets, b, a) : 0;
  const offsetAtB = realistic ? handsetOffsetDb(handsets, a, b) : 0;
  const rssiAt1m = rssiAtDistance(1, ble);
  for (const c of contacts) {
    if (pop.installDay[a]! > c.day || pop.installDay[b]! > c.day) continue;
    const shape = contactShape(config, engine.layerSeeds[c.layer]!, c.layer, c.day, a, b, c.k);
    const trueRssi = rssiAtDistance(shape.distanceMeters, ble);
    // Realistic: the contact's place (its layer's radio environment) and its fixed offsets.
    const radio = realistic
      ? contactRadio(
          config.layers[c.layer]!.kind,
          shape.distanceMeters,
          hash3(hash2(pairSeed, c.day), c.layer, c.k),
        )
      : null;
    for (let p = shape.firstPeriod; p < shape.firstPeriod + shape.periods; p++) {
      const t0 = p * ble.scanPeriodSeconds;
      for (let side = 0; side < 2; side++) {
        const scanner = side === 0 ? a : b;
        const advertiser = side === 0 ? b : a;
        const t = t0 + scanPhase(ble, seed, scanner, p);
        if (ble.mode === "ideal") {
          visit(scanner, advertiser, t, trueRssi, ble.txPower);
          continue;
        }
        const hs = hash3(pairSeed, p, scanner);
        const pDetect = detectProbability(
          ble,
          (pop.flags[scanner]! & FLAG_IOS) !== 0,
          (pop.flags[advertiser]! & FLAG_IOS) !== 0,
        );
        if (unit(hs) >= pDetect) continue;
        const handset = side === 0 ? offsetAtA : offsetAtB;
        const rssi = Math.round(realisticScanRssi(rssiAt1m, radio!, handset, hs));
        if (rssi >= ble.sensitivityDbm) visit(scanner, advertiser, t, rssi, ble.txPower);
      }
    }
  }
}

/** The pair's sightings from both logs, as the decision rules read them. */
export function pairEvidence(
  engine: Engine,
  a: number,
  b: number,
  contacts: readonly PairContact[],
  out: Evidence,
): Evidence {
  pairSightings(engine, a, b, contacts, (_s, _a, t, rssi, tx) => {
    out.timestamps.push(t);
    out.rssi.push(rssi);
    out.txPower.push(tx);
  });
  return out;
}
