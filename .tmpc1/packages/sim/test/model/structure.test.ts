import { describe, expect, test } from "vitest";
import {
  buildPopulation,
  createEngine,
  isRegularPair,
  type LayerConfig,
  SeedTree,
} from "../../src/core/index.js";
import { testConfig } from "../core/fixture.js";

/**
 * Realised contacts against the configuration, as OpenABM-Covid19's network tests do: per
 * layer and age band, events and distinct people per agent per day within 3%.
 */
const RATES: Record<string, number[]> = {
  // Age bands: 0-4, 5-17, 18-29, 30-49, 50-64, 65+ (the fixture's).
  workplace: [0, 0.3, 4.5, 5, 3.5, 0.5],
  school: [1.5, 6, 0, 0, 0, 0],
  community: [1.5, 3.5, 3.5, 3.5, 3.5, 2.5],
};
const base = testConfig({
  seed: 3,
  regions: [
    { id: "a", name: "A", agents: 50_000 },
    { id: "b", name: "B", agents: 30_000 },
  ],
});
const layers: LayerConfig[] = base.layers.map((l) => {
  const rates = RATES[l.id];
  if (!rates) return l;
  const mean = rates.reduce((s, r, b) => s + r * base.ageBands[b]!.share, 0);
  return { ...l, contactsPerDay: mean, contactsByAgeBand: rates };
});
const config = { ...base, layers };
const seeds = new SeedTree(config.seed);
const { population: pop } = buildPopulation(config, seeds);
const engine = createEngine(config, pop, seeds);
const DAYS = 4;

/** Events and distinct partners per agent per day, by age band, for one layer. */
function realised(l: number) {
  const bands = config.ageBands.length;
  const agents = new Float64Array(bands);
  for (let i = 0; i < pop.size; i++) agents[pop.ageBand[i]!]!++;
  const events = new Float64Array(bands);
  const distinct = new Float64Array(bands);
  for (let d = 0; d < DAYS; d++) {
    const seen = new Set<number>();
    engine.layers[l]!.scan(d, null, (a, b) => {
      events[pop.ageBand[a]!]!++;
      events[pop.ageBand[b]!]!++;
      const key = Math.min(a, b) * pop.size + Math.max(a, b);
      if (seen.has(key)) return;
      seen.add(key);
      distinct[pop.ageBand[a]!]!++;
      distinct[pop.ageBand[b]!]!++;
    });
  }
  const per = (x: Float64Array) => [...x].map((v, b) => v / (agents[b]! * DAYS));
  return { events: per(events), distinct: per(distinct) };
}

describe("contact structure", () => {
  for (const id of Object.keys(RATES)) {
    test(`${id}: events and distinct people per agent per day match each age band's rate within 3%`, () => {
      const l = config.layers.findIndex((x) => x.id === id);
      const r = realised(l);
      RATES[id]!.forEach((rate, b) => {
        if (rate === 0) {
          expect(r.events[b]).toBe(0);
          return;
        }
        expect(Math.abs(r.events[b]! / rate - 1)).toBeLessThan(0.03);
        expect(Math.abs(r.distinct[b]! / rate - 1)).toBeLessThan(0.03);
      });
    });
  }

  test("cluster layers never repeat a pair within a day, and colleagues recur across days", () => {
    const l = config.layers.findIndex((x) => x.id === "workplace");
    const days = Array.from({ length: 5 }, (_, d) => {
      const pairs: number[] = [];
      engine.layers[l]!.scan(d, null, (a, b) => {
        pairs.push(Math.min(a, b) * pop.size + Math.max(a, b));
      });
      return pairs;
    });
    for (const p of days) expect(new Set(p).size).toBe(p.length);
    // With a daily fraction of 0.5 (or more in small clusters) most of day 0's ties meet again.
    const later = new Set(days.slice(1).flat());
    const again = days[0]!.filter((k) => later.has(k)).length / days[0]!.length;
    expect(again).toBeGreaterThan(0.8);
  });

  test("community: the regular share of contacts recurs; one-off counts are overdispersed as λ + λ²", () => {
    const l = config.layers.findIndex((x) => x.id === "community");
    const spec = config.layers[l]!.regular!;
    let regular = 0;
    let all = 0;
    // One-off contacts per agent on one day, for the 30-49 band (rate 3.5).
    const band = 3;
    const counts = new Uint16Array(pop.size);
    engine.layers[l]!.scan(0, null, (a, b, k) => {
      all++;
      if (isRegularPair(k)) {
        regular++;
        return;
      }
      counts[a]!++;
      counts[b]!++;
    });
    expect(Math.abs(regular / all - spec.share)).toBeLessThan(0.01);
    let n = 0;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < pop.size; i++) {
      if (pop.ageBand[i] !== band) continue;
      n++;
      sum += counts[i]!;
      sq += counts[i]! ** 2;
    }
    const mean = sum / n;
    const variance = sq / n - mean ** 2;
    expect(Math.abs(mean / (RATES.community![band]! * (1 - spec.share)) - 1)).toBeLessThan(0.03);
    // Poisson around a negative-binomial weight (mean 2 tickets, shape 2): Var = λ + λ².
    expect(Math.abs(variance / (mean + mean ** 2) - 1)).toBeLessThan(0.08);
  });

  test("a scan that needs no count visits exactly the pairs around the flagged agents", () => {
    const flagged = new Uint8Array(pop.size);
    for (let i = 0; i < pop.size; i += 37) flagged[i] = 1;
    for (let l = 0; l < engine.layers.length; l++) {
      const seen = (count: boolean) => {
        const out: string[] = [];
        engine.layers[l]!.scan(
          2,
          flagged,
          (a, b, k) => out.push(`${Math.min(a, b)}-${Math.max(a, b)}-${k}`),
          count,
        );
        return out.sort();
      };
      expect(seen(false)).toEqual(seen(true));
    }
  });
});
