import { parentPort } from "node:worker_threads";
// The engine's own module, not core/index.js: a worker needs the layers only, and the whole
// core (scenario schemas, protocol, oracle) is ≈ 270 modules to load while the main thread
// builds the population on the same cores.
import type { SimConfig } from "../../core/config.js";
import { createEngine, type Engine, roomAfter, scanDay } from "../../core/engine.js";
import type { Population } from "../../core/population/population.js";

/** A worker thread that scans one day at a time for the pool in scan-pool.ts. */
interface Init {
  config: SimConfig;
  population: Population;
}

/** Made from the first message (the pool starts workers before the population exists). */
let engine: Engine | null = null;
/** Room for the next scan's records (`roomAfter` the last one). */
let room = 256;

parentPort!.on(
  "message",
  (msg: { init: Init } | { id: number; day: number; flagged: Uint8Array; count: boolean }) => {
    if ("init" in msg) {
      engine = createEngine(msg.init.config, msg.init.population);
      return;
    }
    const s = scanDay(engine!, msg.day, msg.flagged, msg.count, room);
    room = roomAfter(s);
    const r = s.records;
    const records = {
      length: r.length,
      layer: r.layer.slice(0, r.length),
      a: r.a.slice(0, r.length),
      b: r.b.slice(0, r.length),
      k: r.k.slice(0, r.length),
    };
    const transfer = [records.layer.buffer, records.a.buffer, records.b.buffer, records.k.buffer];
    parentPort!.postMessage(
      { id: msg.id, scan: { day: s.day, pairsByLayer: s.pairsByLayer, records } },
      transfer,
    );
  },
);
