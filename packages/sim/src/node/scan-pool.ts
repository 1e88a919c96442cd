import { Worker } from "node:worker_threads";
import { ContactRecords, type DayScan, type DayScanner, type Engine } from "../core/index.js";
import { sharePopulation } from "./shared-population.js";

interface RecordsMsg {
  length: number;
  layer: Uint8Array;
  a: Uint32Array;
  b: Uint32Array;
  k: Uint32Array;
}

function toRecords(m: RecordsMsg): ContactRecords {
  return Object.assign(Object.create(ContactRecords.prototype) as ContactRecords, m);
}

/**
 * Day scanning on worker threads sharing the population. Days go round-robin to the
 * workers and come back in day order, so results do not depend on the number of threads.
 * Call `close()` when the run is over.
 */
export function workerScanner(
  threads: number,
): ((engine: Engine) => DayScanner) & { close(): Promise<void> } {
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
    for (const w of workers) w.unref();
    return async (flagged) => {
      const shared = new Uint8Array(new SharedArrayBuffer(flagged.length));
      shared.set(flagged);
      const days = Array.from({ length: engine.config.days }, (_, d) => d);
      const parts = await Promise.all(
        workers.map(
          (w, i) =>
            new Promise<DayScan[]>((resolve, reject) => {
              const id = nextId++;
              const onMessage = (msg: {
                id: number;
                scans: (Omit<DayScan, "records"> & { records: RecordsMsg })[];
              }) => {
                if (msg.id !== id) return;
                w.off("message", onMessage);
                w.off("error", reject);
                resolve(msg.scans.map((s) => ({ ...s, records: toRecords(s.records) })));
              };
              w.on("message", onMessage);
              w.once("error", reject);
              w.postMessage({
                id,
                days: days.filter((d) => d % workers.length === i),
                flagged: shared,
              });
            }),
        ),
      );
      return parts.flat().sort((x, y) => x.day - y.day);
    };
  };
  return Object.assign(make, {
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
      workers = [];
    },
  });
}
