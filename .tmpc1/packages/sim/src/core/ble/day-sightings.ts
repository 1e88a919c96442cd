import { type Engine, scanDay } from "../engine.js";
import { FLAG_APP } from "../population/population.js";
import { hash2 } from "../rng.js";
import { type PairContact, pairSightings, type SightingVisitor } from "./evidence.js";

/**
 * Every sighting app users' phones log on simulated day `day` (`phones[agent] !== 0` marks a
 * phone), pair by pair, one scan of the day's pairs: what the phones' logs hold. A pair that
 * met several times that day (two layers, or twice in one) is handed over with all its
 * meetings, as the ideal radio sums a day's close time.
 */
export function forEachSightingOfDay(
  engine: Engine,
  day: number,
  phones: Uint8Array,
  visit: SightingVisitor,
): void {
  const r = scanDay(engine, day, phones).records;
  const next = samePairChains(r.a, r.b, r.length);
  const done = new Uint8Array(r.length);
  const contacts: PairContact[] = [];
  for (let i = 0; i < r.length; i++) {
    if (done[i] !== 0) continue;
    const a = r.a[i]!;
    const b = r.b[i]!;
    if (phones[a] === 0 || phones[b] === 0) continue;
    contacts.length = 0;
    for (let j = i; j >= 0; j = next[j]!) {
      done[j] = 1;
      contacts.push({ day, layer: r.layer[j]!, k: r.k[j]! });
    }
    pairSightings(engine, a, b, contacts, visit);
  }
}

/**
 * For each record, the next record of the same unordered pair (-1: none), via an
 * open-addressing table on typed arrays: repeats within a day are rare, so this stays linear.
 */
function samePairChains(a: Uint32Array, b: Uint32Array, n: number): Int32Array {
  const next = new Int32Array(n).fill(-1);
  let size = 16;
  while (size < 2 * n) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const last = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const lo = Math.min(a[i]!, b[i]!);
    const hi = Math.max(a[i]!, b[i]!);
    let slot = hash2(lo, hi) & (size - 1);
    for (;;) {
      const head = table[slot]!;
      if (head < 0) {
        table[slot] = i;
        last[i] = i;
        break;
      }
      if (Math.min(a[head]!, b[head]!) === lo && Math.max(a[head]!, b[head]!) === hi) {
        next[last[head]!] = i;
        last[head] = i;
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
  }
  return next;
}

/** A flag per agent: 1 for app users. */
export function appUserFlags(engine: Engine): Uint8Array {
  const { flags } = engine.population;
  const out = new Uint8Array(flags.length);
  for (let i = 0; i < flags.length; i++) if ((flags[i]! & FLAG_APP) !== 0) out[i] = 1;
  return out;
}
