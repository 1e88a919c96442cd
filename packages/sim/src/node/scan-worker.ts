import { parentPort, workerData } from "node:worker_threads";
import { createEngine, type Population, type SimConfig, scanDay } from "../core/index.js";

/** A worker thread that scans days for the pool in scan-pool.ts. */
interface Init {
  config: SimConfig;
  population: Population;
}

const { config, population } = workerData as Init;
const engine = createEngine(config, population);

parentPort!.on("message", (msg: { id: number; days: number[]; flagged: Uint8Array }) => {
  const scans = msg.days.map((d) => {
    const s = scanDay(engine, d, msg.flagged);
    const r = s.records;
    return {
      day: s.day,
      pairsByLayer: s.pairsByLayer,
      records: {
        length: r.length,
        layer: r.layer.slice(0, r.length),
        a: r.a.slice(0, r.length),
        b: r.b.slice(0, r.length),
        k: r.k.slice(0, r.length),
      },
    };
  });
  const transfer = scans.flatMap((s) => [
    s.records.layer.buffer,
    s.records.a.buffer,
    s.records.b.buffer,
    s.records.k.buffer,
  ]);
  parentPort!.postMessage({ id: msg.id, scans }, transfer as ArrayBuffer[]);
});
