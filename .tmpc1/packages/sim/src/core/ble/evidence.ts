import type { BleConfig } from "../config.js";
import { contactShape, idealSpan } from "../contacts.js";
import type { Engine } from "../engine.js";
import { appActiveOn, FLAG_IOS } from "../population/population.js";
import { contactRadio, handsetOffsetDb, realisticScanRssi } from "../radio/realistic.js";
import { below, hash2, hash3, unit } from "../rng.js";
import {
  advertisePhase,
  iosInBackground,
  type ScanSides,
  scanSecond,
  scanWindowOffset,
} from "./duty-cycle.js";
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

/** Second within its scan period at which a phone's scan window catches a sighting (ideal mode). */
function scanPhase(ble: BleConfig, seed: number, scanner: number, period: number): number {
  return (
    scanWindowOffset(ble, seed, scanner) +
    below(hash3(seed, scanner, period), ble.scanWindowSeconds)
  );
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
 * The sightings two app users' phones log of each other during their contacts. A phone logs
 * and advertises only from its install day.
 *
 * Ideal BLE ("the radio is perfect"): per simulated day, each phone logs the other once per
 * whole scan period of the day's close time (the exact close seconds of all the pair's
 * meetings that day, rounded down), noise-free, in consecutive periods from the first close
 * meeting's start, inside the day's decision span (`idealSpan`): so `decide` sees exactly the
 * truth, pairs meeting several times a day included.
 *
 * Realistic: Bluezone's app side (`duty-cycle.ts`) and the meeting's radio. Per scan period
 * and direction, the scanner logs the advertiser at most once: at the first second its scan
 * window (an Android phone's 40 s, an iPhone's whole period), the meeting and the
 * advertiser's time on air (an Android phone's 15 s of 30, an iPhone's all) overlap, unless
 * both are iPhones with their apps in the background then; the radio logs that scan with the
 * environment's per-scan probability, at an RSSI from the meeting's radio environment (its
 * layer's place: attenuation, per-contact offset, fading) and each phone model's offset
 * (`radio/realistic.ts`), if above the scanner's sensitivity. No RSSI threshold filters the
 * log: Bluezone's app logs every sighting (docs/MODEL.md, "Radio").
 */
export function pairSightings(
  engine: Engine,
  a: number,
  b: number,
  contacts: readonly PairContact[],
  visit: SightingVisitor,
): void {
  if (engine.config.ble.mode === "ideal") idealSightings(engine, a, b, contacts, visit);
  else realisticSightings(engine, a, b, contacts, visit);
}

function bothInstalled(engine: Engine, a: number, b: number, day: number): boolean {
  return appActiveOn(engine.population, a, day) && appActiveOn(engine.population, b, day);
}

function idealSightings(
  engine: Engine,
  a: number,
  b: number,
  contacts: readonly PairContact[],
  visit: SightingVisitor,
): void {
  const { config } = engine;
  const ble = config.ble;
  const period = ble.scanPeriodSeconds;
  const seed = engine.seeds.stream("ble");
  // Per day: close seconds, the first close meeting's start and distance.
  const days = new Map<number, { seconds: number; start: number; distance: number }>();
  for (const c of contacts) {
    if (!bothInstalled(engine, a, b, c.day)) continue;
    const shape = contactShape(config, engine.layerSeeds[c.layer]!, c.layer, c.day, a, b, c.k);
    if (shape.distanceMeters > config.close.maxDistanceMeters) continue;
    const d = days.get(c.day);
    if (d === undefined) {
      days.set(c.day, {
        seconds: shape.seconds,
        start: shape.start,
        distance: shape.distanceMeters,
      });
    } else {
      d.seconds += shape.seconds;
      if (shape.start < d.start) {
        d.start = shape.start;
        d.distance = shape.distanceMeters;
      }
    }
  }
  for (const [day, d] of days) {
    const [from, to] = idealSpan(config, day);
    const n = Math.min(Math.floor(d.seconds / period), Math.floor((to - from) / period));
    if (n === 0) continue;
    const first = Math.min(
      Math.max(Math.floor(d.start / period), Math.ceil(from / period)),
      Math.floor(to / period) - n,
    );
    const rssi = rssiAtDistance(d.distance, ble);
    for (let p = first; p < first + n; p++) {
      visit(a, b, p * period + scanPhase(ble, seed, a, p), rssi, ble.txPower);
      visit(b, a, p * period + scanPhase(ble, seed, b, p), rssi, ble.txPower);
    }
  }
}

function realisticSightings(
  engine: Engine,
  a: number,
  b: number,
  contacts: readonly PairContact[],
  visit: SightingVisitor,
): void {
  const { config, population: pop } = engine;
  const ble = config.ble;
  const period = ble.scanPeriodSeconds;
  const seed = engine.seeds.stream("ble");
  const pairSeed = hash3(seed, Math.min(a, b), Math.max(a, b));
  // Each phone model's raw-RSSI offset, per direction, and the app's 1 m anchor.
  const handsets = hash2(seed, 0x68616e64);
  const handsetScale = ble.radioVariation?.handsetOffset ?? 1;
  const offsetAtA = handsetScale * handsetOffsetDb(handsets, b, a);
  const offsetAtB = handsetScale * handsetOffsetDb(handsets, a, b);
  const rssiAt1m = rssiAtDistance(1, ble);
  // The app side: each direction's platforms, scan window and advertising phase.
  const iosA = (pop.flags[a]! & FLAG_IOS) !== 0;
  const iosB = (pop.flags[b]! & FLAG_IOS) !== 0;
  const aScansB: ScanSides = {
    scannerIos: iosA,
    scanOffset: scanWindowOffset(ble, seed, a),
    advertiserIos: iosB,
    advertisePhase: advertisePhase(ble, seed, b),
  };
  const bScansA: ScanSides = {
    scannerIos: iosB,
    scanOffset: scanWindowOffset(ble, seed, b),
    advertiserIos: iosA,
    advertisePhase: advertisePhase(ble, seed, a),
  };
  for (const c of contacts) {
    if (!bothInstalled(engine, a, b, c.day)) continue;
    const shape = contactShape(config, engine.layerSeeds[c.layer]!, c.layer, c.day, a, b, c.k);
    // The contact's place (its layer's radio environment) and its fixed offsets.
    const radio = contactRadio(
      config.layers[c.layer]!.kind,
      shape.distanceMeters,
      hash3(hash2(pairSeed, c.day), c.layer, c.k),
      ble.radioVariation,
    );
    const pScan = radio.env.scanDetectProbability;
    const start = shape.start;
    const end = start + shape.seconds;
    for (let p = Math.floor(start / period); p * period < end; p++) {
      // Two iPhones whose apps are both in the background see nothing of each other.
      const bothAsleep =
        iosA && iosB && iosInBackground(ble, seed, a, p) && iosInBackground(ble, seed, b, p);
      if (bothAsleep) continue;
      for (let side = 0; side < 2; side++) {
        const t = scanSecond(ble, p, side === 0 ? aScansB : bScansA, start, end);
        if (t < 0) continue;
        const scanner = side === 0 ? a : b;
        const hs = hash3(pairSeed, p, scanner);
        // The radio can still miss a scan (the environment's measured per-scan logging).
        if (unit(hs) >= pScan) continue;
        const handset = side === 0 ? offsetAtA : offsetAtB;
        const rssi = Math.round(realisticScanRssi(rssiAt1m, radio, handset, hs));
        if (rssi >= ble.sensitivityDbm) visit(scanner, side === 0 ? b : a, t, rssi, ble.txPower);
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
