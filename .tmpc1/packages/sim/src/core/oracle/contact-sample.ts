import type { DayScan, Engine } from "../engine.js";
import { below, hash2 } from "../rng.js";

/**
 * Agents whose contacts are counted person by person (distinct partners), drawn once: 1,000,
 * or 2% of a small population (at least 200), so the count costs little.
 */
export function contactSampleSize(population: number): number {
  return Math.min(population, 1_000, Math.max(200, Math.ceil(population / 50)));
}

export function contactSample(engine: Engine): Set<number> {
  const n = engine.population.size;
  const want = contactSampleSize(n);
  const seed = engine.seeds.stream("contact-sample");
  const out = new Set<number>();
  for (let k = 0; out.size < want; k++) out.add(below(hash2(seed, k), n));
  return out;
}

export interface DistinctContacts {
  /** Sampled agents. */
  sample: number;
  /** Per layer: distinct people met per agent per day (a pair met twice that day counts once). */
  perDay: number[];
  /** Per layer: distinct people met per agent over the whole run. */
  perRun: number[];
}

/** Distinct partners of the sampled agents, from scans that flagged them. */
export function distinctContacts(
  engine: Engine,
  sample: ReadonlySet<number>,
  scans: readonly DayScan[],
): DistinctContacts {
  const layers = engine.config.layers.length;
  // Per layer, per sampled agent: (day, partner) keys; a partner id fits in 27 bits.
  const met = Array.from({ length: layers }, () => new Map<number, number[]>());
  const add = (l: number, x: number, y: number, day: number) => {
    const list = met[l]!.get(x);
    const key = day * 2 ** 27 + y;
    if (list) list.push(key);
    else met[l]!.set(x, [key]);
  };
  for (const scan of scans) {
    const r = scan.records;
    for (let i = 0; i < r.length; i++) {
      const a = r.a[i]!;
      const b = r.b[i]!;
      if (sample.has(a)) add(r.layer[i]!, a, b, scan.day);
      if (sample.has(b)) add(r.layer[i]!, b, a, scan.day);
    }
  }
  const perDay = new Array<number>(layers).fill(0);
  const perRun = new Array<number>(layers).fill(0);
  met.forEach((byAgent, l) => {
    for (const keys of byAgent.values()) {
      keys.sort((x, y) => x - y);
      const people = new Set<number>();
      for (let i = 0; i < keys.length; i++) {
        if (i === 0 || keys[i] !== keys[i - 1]) perDay[l]!++;
        people.add(keys[i]! % 2 ** 27);
      }
      perRun[l]! += people.size;
    }
  });
  const agentDays = sample.size * Math.max(1, scans.length);
  return {
    sample: sample.size,
    perDay: perDay.map((n) => (sample.size > 0 ? n / agentDays : 0)),
    perRun: perRun.map((n) => (sample.size > 0 ? n / sample.size : 0)),
  };
}
