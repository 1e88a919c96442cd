import { Worker } from "node:worker_threads";
import {
  ContactRecords,
  type DayScan,
  type DayScanner,
  type Engine,
  type Population,
} from "../../core/index.js";
import { sharePopulation } from "./shared-population.js";

interface ScanMsg {
  id: number;
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
  close(): Promise<void>;
}

/** Days queued on each worker at once, so a worker never waits for the main thread to reply. */
const QUEUE_DEPTH = 2;

/**
 * Day scanning on worker threads sharing the population: each worker holds up to
 * `QUEUE_DEPTH` days and takes the next when one comes back; scans come back in day order,
 * so results do not depend on the number of threads. The workers start (and load their
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
    return async (flagged, onDay, count = true) => {
      const shared = new Uint8Array(new SharedArrayBuffer(flagged.length));
      shared.set(flagged);
      const scans = new Array<DayScan>(engine.config.days);
      let nextDay = 0;
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve, reject) => {
              let held = 0;
              const take = () => {
                if (nextDay >= engine.config.days) {
                  if (held > 0) return;
                  w.off("message", onMessage);
                  w.off("error", reject);
                  return resolve();
                }
                held++;
                w.postMessage({ id: nextId++, day: nextDay++, flagged: shared, count });
              };
              const onMessage = (msg: ScanMsg) => {
                held--;
                scans[msg.scan.day] = toDayScan(msg.scan);
                onDay?.();
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
  };
  return Object.assign(make, {
    holdPopulation: sharePopulation,
    async close() {
      await Promise.all([...workers, ...(idle ?? [])].map((w) => w.terminate()));
      workers = [];
      idle = null;
    },
  });
}
