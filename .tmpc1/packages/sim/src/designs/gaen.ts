import { type GaenExposureConfig, gaenAttenuationDb, gaenKeyNotifies } from "@tracebed/protocol";
import { forEachSightingOfDay } from "../core/ble/day-sightings.js";
import type { Engine } from "../core/engine.js";
import { FLAG_APP } from "../core/population/population.js";
import { hash2, unit } from "../core/rng.js";

const DAY = 86_400;

/**
 * Does notified contact `agent` choose to upload its own keys (so its contacts learn they are
 * F2)? A fixed draw per agent: the same in the oracle and on the phones.
 */
export function gaenF1Uploads(engine: Engine, agent: number, share: number): boolean {
  if (share <= 0) return false;
  return unit(hash2(engine.seeds.stream("gaen-f1-upload"), agent)) < share;
}

export interface GaenOracleOptions {
  /** The index persons (agents) whose phones upload confirmed keys: the F0 with the app. */
  readonly f0: readonly number[];
  /** The UTC days of keys uploaded: [firstDay, lastDay] (the F0's window). */
  readonly firstDay: number;
  readonly lastDay: number;
  /** Keys of UTC days that end by this time (unix seconds) are published during the run. */
  readonly publishedBy: number;
  readonly exposure: GaenExposureConfig;
  /** Share of notified contacts (F1) that upload their own keys. */
  readonly f1UploadShare: number;
}

export interface GaenVerdict {
  /** Phones (agents) a GAEN phone notifies: a key of an F0 passes the rule. */
  readonly f1: ReadonlySet<number>;
  /** Phones notified through an F1 that uploaded, not F0 or F1 themselves. */
  readonly f2: ReadonlySet<number>;
  /** The F1 that upload their keys. */
  readonly uploadingF1: readonly number[];
}

/**
 * What the GAEN design's phones decide on one outbreak (its oracle): each phone holds, per
 * published key (one advertiser, one UTC day), the attenuations of the scans that logged one
 * of its RPIs, and notifies when the exposure rule passes. Read from the simulator's sightings
 * by who advertised, not by matching IDs: the phones must reach the same sets by crypto.
 */
export function gaenOracle(engine: Engine, o: GaenOracleOptions): GaenVerdict {
  const { population } = engine;
  const phones = new Uint8Array(population.size);
  for (let i = 0; i < population.size; i++)
    phones[i] = (population.flags[i]! & FLAG_APP) !== 0 ? 1 : 0;
  const f0 = new Set(o.f0.filter((a) => phones[a] === 1));
  const f1 = contactsOf(engine, phones, f0, f0, o);
  const uploadingF1 = [...f1].filter((a) => gaenF1Uploads(engine, a, o.f1UploadShare));
  const f2 =
    uploadingF1.length === 0
      ? new Set<number>()
      : contactsOf(engine, phones, new Set(uploadingF1), new Set([...f0, ...f1]), o);
  return { f1, f2, uploadingF1: uploadingF1.sort((a, b) => a - b) };
}

/** Phones not in `exclude` that a published key of one of `sources` notifies. */
function contactsOf(
  engine: Engine,
  phones: Uint8Array,
  sources: ReadonlySet<number>,
  exclude: ReadonlySet<number>,
  o: GaenOracleOptions,
): Set<number> {
  const scanMinutes = engine.config.ble.scanPeriodSeconds / 60;
  // (scanner, advertiser, UTC day) → attenuations of its scans.
  const scans = new Map<string, number[]>();
  for (let d = 0; d < engine.config.days; d++) {
    forEachSightingOfDay(engine, d, phones, (scanner, advertiser, t, rssi, tx) => {
      if (!sources.has(advertiser) || exclude.has(scanner)) return;
      const keyDay = Math.floor(t / DAY);
      if (keyDay < o.firstDay || keyDay > o.lastDay || (keyDay + 1) * DAY > o.publishedBy) return;
      const id = `${scanner}:${advertiser}:${keyDay}`;
      const list = scans.get(id);
      if (list === undefined) scans.set(id, [gaenAttenuationDb(tx, rssi)]);
      else list.push(gaenAttenuationDb(tx, rssi));
    });
  }
  const out = new Set<number>();
  for (const [id, attenuations] of scans) {
    if (gaenKeyNotifies(attenuations, scanMinutes, o.exposure)) out.add(Number(id.split(":")[0]));
  }
  return out;
}
