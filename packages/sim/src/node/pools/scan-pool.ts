import { Worker } from "node:worker_threads";
import { ContactRecords, type DayScan, type DayScanner, type Engine } from "../../core/index.js";
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
  close(): Promise<void>;
}

/**
 * Day scanning on worker threads sharing the population: each free worker takes the next
 * day; scans come back in day order, so results do not depend on the number of threads.
 * Call `close()` when the run is over.
 */
export function workerScanner(threads: number): WorkerScanner {
  let workers: Worker[] = [];
  let nextId = 0;
  const make = (engine: Engine): DayScanner => {
    const population = sharePopulation(engine.population);
    workers = Array.from(
      { length: threads },
      () =>
        new Worker(new URL("./scan-worker.js", import.meta.url), {
          workerData: { config: engine.config, population },
        }),
    );
    return async (flagged, onDay, count = true) => {
      const shared = new Uint8Array(new SharedArrayBuffer(flagged.length));
      shared.set(flagged);
      const scans = new Array<DayScan>(engine.config.days);
      let nextDay = 0;
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve, reject) => {
              const take = () => {
                if (nextDay >= engine.config.days) {
                  w.off("message", onMessage);
                  w.off("error", reject);
                  return resolve();
                }
                w.postMessage({ id: nextId++, day: nextDay++, flagged: shared, count });
              };
              const onMessage = (msg: ScanMsg) => {
                scans[msg.scan.day] = toDayScan(msg.scan);
                onDay?.();
                take();
              };
              w.on("message", onMessage);
              w.once("error", reject);
              take();
            }),
        ),
      );
      return scans;
    };
  };
  return Object.assign(make, {
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
      workers = [];
    },
  });
}
