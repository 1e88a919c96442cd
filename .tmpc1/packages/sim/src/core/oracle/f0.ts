import type { Engine } from "../engine.js";
import { FLAG_APP } from "../population/population.js";
import { below, hash2 } from "../rng.js";

/**
 * The index cases: `count` distinct agents drawn uniformly from everyone, or from the app
 * users (the seeds' "17 cases who had Bluezone").
 */
export function drawF0(engine: Engine): number[] {
  const { population: pop, config } = engine;
  const seed = engine.seeds.stream("f0");
  const pool: number[] | null = config.f0.from === "appUsers" ? [] : null;
  if (pool) for (let i = 0; i < pop.size; i++) if ((pop.flags[i]! & FLAG_APP) !== 0) pool.push(i);
  const n = pool ? pool.length : pop.size;
  const count = Math.min(config.f0.count, n);
  const chosen = new Set<number>();
  for (let k = 0; chosen.size < count; k++) {
    const i = below(hash2(seed, k), n);
    chosen.add(pool ? pool[i]! : i);
  }
  return [...chosen];
}
