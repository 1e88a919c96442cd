import { Worker } from "node:worker_threads";
import {
  ContactRecords,
  type DayScan,
  type DayScanner,
  type Engine,
  joinLayerParts,
  LAYER_PART_KINDS,
  type LayerParts,
  type LayerPartsBuilder,
  mergeDayParts,
  type Population,
  type PopulationArrays,
  type SimConfig,
} from "../../core/index.js";
import { sharedArrays, sharePopulation } from "./shared-population.js";

interface ScanMsg {
  id: number;
  /** Which part of its day the scan is. */
  part: number;
  scan: Omit<DayScan, "records"> & {
    records: { length: number; layer: Uint8Array; a: Uint32Array; b: Uint32Array; k: Uint32Array };
  };
}

function toDayScan(m: ScanMsg["scan"]): DayScan {
  const records = Object.assign(
    Object.create(ContactRecords.prototype) as ContactRecords,
    m.records,
  );
  return { day: m.day, pairsByLayer: m.pairsByLayer, records };
}

export interface WorkerScanner {
  (engine: Engine): DayScanner;
  /** The population moved onto shared memory, for the run's engine to hold (`simulate`). */
  holdPopulation(population: Population): Population;
  /** Builds the population on shared memory to begin with, so `holdPopulation` copies nothing. */
  arrays: PopulationArrays;
  /** Clusters and tickets built on the workers (one part each) before they scan. */
  layerParts: LayerPartsBuilder;
  close(): Promise<void>;
}

/**
 * Parts each day is split into: one when there are enough days to keep every worker busy;
 * otherwise eight parts (by agents, `ScanPart`) per worker, so a one-day national run scans
 * on every thread and the workers even out (a part's cost varies with its regions). The merged
 * scans are the same however the days are split.
 */
export function partsPerDay(days: number, threads: number): number {
  return days >= 2 * threads ? 1 : Math.ceil((8 * threads) / Math.max(1, days));
}

/**
 * Units (days or parts of days) queued on each worker at once, so a worker never waits for the
 * main thread to reply.
 */
const QUEUE_DEPTH = 2;

/**
 * Day scanning on worker threads sharing the population: each worker holds up to
 * `QUEUE_DEPTH` units (days, or parts of days) and takes the next when one comes back; parts
 * are joined in part order and scans returned in day order, whatever order they arrive in, so
 * results do not depend on the number of threads. One scanner serves one run. The workers start (and load their
 * code) as soon as the scanner is made, while the population is still being built; a run that
 * builds its engine on `holdPopulation` holds the population once. Call `close()` when the
 * run is over.
 */
export function workerScanner(threads: number): WorkerScanner {
  const spawn = () =>
    Array.from({ length: threads }, () => new Worker(new URL("./scan-worker.js", import.meta.url)));
  let idle: Worker[] | null = spawn();
  let workers: Worker[] = [];
  let nextId = 0;
  const make = (engine: Engine): DayScanner => {
    // No copy when the engine already holds the shared population (`holdPopulation`).
    const population = sharePopulation(engine.population);
    workers = idle ?? spawn();
    idle = null;
    for (const w of workers) w.postMessage({ init: { config: engine.config, population } });
    const scanner: DayScanner = async (flagged, onDay, count = true) => {
      const shared = new Uint8Array(new SharedArrayBuffer(flagged.length));
      shared.set(flagged);
      const { days } = engine.config;
      const of = partsPerDay(days, workers.length);
      const parts = Array.from({ length: days }, () => new Array<DayScan>(of));
      const partsDone = new Uint32Array(days);
      const scans = new Array<DayScan>(days);
      // Work units in day order: day d's parts are units d·of … d·of + of − 1.
      let nextUnit = 0;
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve, reject) => {
              let held = 0;
              const take = () => {
                if (nextUnit >= days * of) {
                  if (held > 0) return;
                  w.off("message", onMessage);
                  w.off("error", reject);
                  return resolve();
                }
                held++;
                const unit = nextUnit++;
                const day = Math.floor(unit / of);
                const part = { index: unit % of, of };
                w.postMessage({ id: nextId++, day, part, flagged: shared, count });
              };
              const onMessage = (msg: ScanMsg) => {
                held--;
                const { day } = msg.scan;
                parts[day]![msg.part] = toDayScan(msg.scan);
                if (++partsDone[day]! === of) {
                  scans[day] = mergeDayParts(parts[day]!);
                  parts[day] = [];
                  onDay?.();
                }
                take();
              };
              w.on("message", onMessage);
              w.once("error", reject);
              for (let i = 0; i < QUEUE_DEPTH; i++) take();
            }),
        ),
      );
      return scans;
    };
    scanner.concurrent = true;
    return scanner;
  };
  return Object.assign(make, {
    holdPopulation: sharePopulation,
    arrays: sharedArrays,
    layerParts: ((config, regionStart, ageBand) =>
      buildLayerPartsOn(
        idle ?? workers,
        config,
        regionStart,
        ageBand,
        () => nextId++,
      )) satisfies LayerPartsBuilder,
    async close() {
      await Promise.all([...workers, ...(idle ?? [])].map((w) => w.terminate()));
      workers = [];
      idle = null;
    },
  });
}

/**
 * The layers' clusters and tickets, built on the workers (the first takes the clusters, the
 * next the tickets) while the main thread draws phones and adoption.
 */
function buildLayerPartsOn(
  workers: Worker[],
  config: SimConfig,
  regionStart: Uint32Array,
  ageBand: Uint8Array,
  newId: () => number,
): Promise<LayerParts> {
  return Promise.all(
    LAYER_PART_KINDS.map(
      (kind, i) =>
        new Promise<Partial<LayerParts>>((resolve, reject) => {
          const w = workers[i % workers.length]!;
          const id = newId();
          const onMessage = (msg: { id: number; built?: Partial<LayerParts> }) => {
            if (msg.id !== id || msg.built === undefined) return;
            w.off("message", onMessage);
            w.off("error", reject);
            resolve(msg.built);
          };
          w.on("message", onMessage);
          w.once("error", reject);
          w.postMessage({ build: { id, kind, config, regionStart, ageBand } });
        }),
    ),
  ).then(joinLayerParts);
}
