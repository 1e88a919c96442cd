import type { SimConfig } from "./config.js";
import { ContactRecords } from "./contacts.js";
import { type ContactLayer, layerKind } from "./layers/index.js";
import type { Population } from "./population/population.js";
import { SeedTree } from "./rng.js";

/** What every part of a run shares: the config, its population and its contact layers. */
export interface Engine {
  config: SimConfig;
  seeds: SeedTree;
  population: Population;
  layers: ContactLayer[];
  /** Seed of each layer's contact stream (contact shapes hash from it). */
  layerSeeds: number[];
}

export function createEngine(
  config: SimConfig,
  population: Population,
  seeds = new SeedTree(config.seed),
): Engine {
  const layerSeeds = config.layers.map((_, l) => seeds.stream("contacts", l));
  const layers = config.layers.map((layer, l) =>
    layerKind(layer.kind).build(layer, population, l, (day) => seeds.stream("day", l, day)),
  );
  return { config, seeds, population, layers, layerSeeds };
}

/** One day's scan: pairs generated per layer and the contacts touching flagged agents. */
export interface DayScan {
  day: number;
  pairsByLayer: number[];
  records: ContactRecords;
}

export function scanDay(
  engine: Engine,
  day: number,
  flagged: Uint8Array,
  /** false: the day's pair counts are not needed (`pairsByLayer` is then partial). */
  count = true,
  /**
   * Records to make room for at first (e.g. the previous day's count): a dense scan then
   * grows its columns once or not at all instead of doubling from 256.
   */
  capacity = 256,
): DayScan {
  const records = new ContactRecords(Math.max(256, capacity));
  const pairsByLayer = engine.layers.map((layer, l) =>
    layer.scan(day, flagged, (a, b, k) => records.push(l, a, b, k), count),
  );
  return { day, pairsByLayer, records };
}

/** Room for the next day's records: the last day's count and an eighth (days are alike). */
export function roomAfter(scan: DayScan): number {
  return scan.records.length + (scan.records.length >>> 3);
}
