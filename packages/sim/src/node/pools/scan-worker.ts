import { parentPort } from "node:worker_threads";
// The engine's own module, not core/index.js: a worker needs the layers only, and the whole
// core (scenario schemas, protocol, oracle) is ≈ 270 modules to load while the main thread
// builds the population on the same cores.
import type { SimConfig } from "../../core/config.js";
import { createEngine, type Engine, roomAfter, scanDay } from "../../core/engine.js";
import type { ScanPart } from "../../core/layers/layer.js";
import { buildLayerPart, type LayerPartKind } from "../../core/population/layer-parts.js";
import type { Population } from "../../core/population/population.js";
import { SeedTree } from "../../core/rng.js";
import { sharedArrays } from "./shared-population.js";

/**
 * A worker thread for the pool in scan-pool.ts: it builds a part of the population the layers
 * read (on shared memory) while the main thread draws phones and adoption, then scans one day,
 * or part of a day, at a time.
 */
interface Init {
  config: SimConfig;
  population: Population;
}

interface BuildPart {
  id: number;
  kind: LayerPartKind;
  config: SimConfig;
  regionStart: Uint32Array;
  ageBand: Uint8Array;
}

/** Made from the first message (the pool starts workers before the population exists). */
let engine: Engine | null = null;
/** Room for the next scan's records (`roomAfter` the last one). */
let room = 256;

parentPort!.on(
  "message",
  (
    msg:
      | { init: Init }
      | { build: BuildPart }
      | { id: number; day: number; part: ScanPart; flagged: Uint8Array; count: boolean },
  ) => {
    if ("init" in msg) {
      engine = createEngine(msg.init.config, msg.init.population);
      return;
    }
    if ("build" in msg) {
      const { id, kind, config, regionStart, ageBand } = msg.build;
      const seeds = new SeedTree(config.seed);
      const built = buildLayerPart(kind, config, seeds, regionStart, ageBand, sharedArrays);
      parentPort!.postMessage({ id, built });
      return;
    }
    const s = scanDay(engine!, msg.day, msg.flagged, msg.count, room, msg.part);
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
      {
        id: msg.id,
        part: msg.part.index,
        scan: { day: s.day, pairsByLayer: s.pairsByLayer, records },
      },
      transfer,
    );
  },
);
