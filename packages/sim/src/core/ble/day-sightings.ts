import { type Engine, scanDay } from "../engine.js";
import { FLAG_APP } from "../population/population.js";
import { pairSightings, type SightingVisitor } from "./evidence.js";

/**
 * Every sighting app users' phones log on simulated day `day` (`phones[agent] !== 0` marks a
 * phone), contact by contact, one scan of the day's pairs: what the phones' logs hold.
 */
export function forEachSightingOfDay(
  engine: Engine,
  day: number,
  phones: Uint8Array,
  visit: SightingVisitor,
): void {
  const r = scanDay(engine, day, phones).records;
  for (let i = 0; i < r.length; i++) {
    const a = r.a[i]!;
    const b = r.b[i]!;
    if (phones[a] === 0 || phones[b] === 0) continue;
    pairSightings(engine, a, b, [{ day, layer: r.layer[i]!, k: r.k[i]! }], visit);
  }
}

/** A flag per agent: 1 for app users. */
export function appUserFlags(engine: Engine): Uint8Array {
  const { flags } = engine.population;
  const out = new Uint8Array(flags.length);
  for (let i = 0; i < flags.length; i++) if ((flags[i]! & FLAG_APP) !== 0) out[i] = 1;
  return out;
}
