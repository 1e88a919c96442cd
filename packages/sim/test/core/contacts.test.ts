import { describe, expect, test } from "vitest";
import {
  buildPopulation,
  contactShape,
  createEngine,
  mergeDayParts,
  SeedTree,
  scanDay,
} from "../../src/core/index.js";
import { testConfig } from "./fixture.js";

const config = testConfig({
  regions: [
    { id: "a", name: "A", agents: 25_000 },
    { id: "b", name: "B", agents: 15_000 },
  ],
});
const seeds = new SeedTree(11);
const { population: pop } = buildPopulation(config, seeds);
const engine = createEngine(config, pop, seeds);

/** Every pair of one layer on one day, as "a-b" keys (a < b) with multiplicity. */
function allPairs(layer: number, day: number): string[] {
  const out: string[] = [];
  engine.layers[layer]!.scan(day, null, (a, b) => out.push(a < b ? `${a}-${b}` : `${b}-${a}`));
  return out;
}

describe("contact layers", () => {
  test("mean contacts per agent per day within 3% of the scenario, by layer", () => {
    config.layers.forEach((layer, l) => {
      if (layer.kind === "household") return;
      let pairs = 0;
      for (let d = 0; d < 7; d++) pairs += engine.layers[l]!.scan(d, null, () => {});
      const perAgent = (2 * pairs) / (pop.size * 7);
      expect(Math.abs(perAgent / layer.contactsPerDay - 1)).toBeLessThan(0.03);
    });
  });

  test("household contacts: every member meets every other, E[s(s-1)]/E[s] per agent", () => {
    const p = config.householdSizes;
    const es = p.reduce((a, q, i) => a + q * (i + 1), 0);
    const ess = p.reduce((a, q, i) => a + q * (i + 1) * i, 0);
    const pairs = allPairs(0, 0).length;
    expect(Math.abs((2 * pairs) / pop.size / (ess / es) - 1)).toBeLessThan(0.03);
  });

  test("pairs are between two different agents of the same region (mixing) or cluster", () => {
    const regionOf = (x: number) => (x < pop.regionStart[1]! ? 0 : 1);
    let bad = 0;
    config.layers.forEach((_, l) => {
      engine.layers[l]!.scan(0, null, (a, b) => {
        if (a === b || regionOf(a) !== regionOf(b)) bad++;
      });
    });
    expect(bad).toBe(0);
  });

  test("contacts are symmetric: degrees sum to twice the pairs", () => {
    const degree = new Uint32Array(pop.size);
    let pairs = 0;
    engine.layers.forEach((layer) => {
      pairs += layer.scan(2, null, (a, b) => {
        degree[a]! += 1;
        degree[b]! += 1;
      });
    });
    expect(degree.reduce((s, x) => s + x, 0)).toBe(2 * pairs);
  });

  test("a day regenerates identically, and a flagged scan finds exactly the full scan's pairs", () => {
    const flagged = new Uint8Array(pop.size);
    for (let i = 0; i < pop.size; i += 997) flagged[i] = 1;
    // Neighbours flagged too, so ties between two flagged agents are met.
    for (let i = 0; i < pop.size; i += 4001) flagged[i + 1] = 1;
    const key = (a: number, b: number, k: number) => (a < b ? `${a}-${b}-${k}` : `${b}-${a}-${k}`);
    config.layers.forEach((_, l) => {
      const full = allPairs(l, 4);
      expect(allPairs(l, 4)).toEqual(full);
      const all: string[] = [];
      engine.layers[l]!.scan(4, null, (a, b, k) => all.push(key(a, b, k)));
      const touching = all
        .filter((x) =>
          x
            .split("-")
            .slice(0, 2)
            .some((y) => flagged[Number(y)] === 1),
        )
        .sort();
      // With and without the day's count (a layer may then decide only around flagged agents).
      for (const count of [true, false]) {
        const found: string[] = [];
        engine.layers[l]!.scan(4, flagged, (a, b, k) => found.push(key(a, b, k)), count);
        expect(found.sort()).toEqual(touching);
      }
    });
  });

  test("a second pass with flagged agents in one region only finds the full scan's pairs", () => {
    // Region a holds nobody flagged: mixing layers skip it without the count, and must still
    // number region b's pairs as the full scan does (after region a's).
    const flagged = new Uint8Array(pop.size);
    for (let i = pop.regionStart[1]!; i < pop.size; i += 211) flagged[i] = 1;
    const key = (a: number, b: number, k: number) => (a < b ? `${a}-${b}-${k}` : `${b}-${a}-${k}`);
    config.layers.forEach((_, l) => {
      const touching: string[] = [];
      engine.layers[l]!.scan(3, null, (a, b, k) => {
        if (flagged[a] === 1 || flagged[b] === 1) touching.push(key(a, b, k));
      });
      const found: string[] = [];
      engine.layers[l]!.scan(3, flagged, (a, b, k) => found.push(key(a, b, k)), false);
      expect(found.sort()).toEqual(touching.sort());
      expect(found.length).toBeGreaterThan(0);
    });
  });

  test("a day split into parts (for several threads) is the whole day, in the same order", () => {
    const flagged = new Uint8Array(pop.size);
    for (let i = 0; i < pop.size; i += 613) flagged[i] = 1;
    const rows = (scan: ReturnType<typeof scanDay>) => {
      const r = scan.records;
      return Array.from(
        { length: r.length },
        (_, i) => `${r.layer[i]}:${r.a[i]}-${r.b[i]}-${r.k[i]}`,
      );
    };
    for (const count of [true, false]) {
      const whole = scanDay(engine, 5, flagged, count);
      for (const of of [2, 3, 7]) {
        const parts = Array.from({ length: of }, (_, index) =>
          scanDay(engine, 5, flagged, count, 256, { index, of }),
        );
        const merged = mergeDayParts(parts);
        expect(rows(merged)).toEqual(rows(whole));
        expect(merged.pairsByLayer).toEqual(whole.pairsByLayer);
        // Every part does some of the work (the split is by agents, not by empty ranges).
        for (const p of parts) expect(p.pairsByLayer.reduce((x, y) => x + y, 0)).toBeGreaterThan(0);
      }
    }
    // Every pair of the day, not only those touching flagged agents.
    config.layers.forEach((_, l) => {
      const all: string[] = [];
      const whole = engine.layers[l]!.scan(6, null, (a, b, k) => all.push(`${a}-${b}-${k}`));
      const split: string[] = [];
      let total = 0;
      for (let index = 0; index < 3; index++)
        total += engine.layers[l]!.scan(6, null, (a, b, k) => split.push(`${a}-${b}-${k}`), true, {
          index,
          of: 3,
        });
      expect(split).toEqual(all);
      expect(total).toBe(whole);
    });
  });

  test("days differ", () => {
    expect(allPairs(3, 0)).not.toEqual(allPairs(3, 1));
  });
});

describe("contacts by age band", () => {
  test("a mixing layer gives each age band its own rate (within 3%) and keeps the population mean", () => {
    const rates = [1, 3.5, 4, 4, 3, 1.5];
    const base = testConfig({ regions: [{ id: "a", name: "A", agents: 40_000 }] });
    const shares = base.ageBands.map((b) => b.share);
    const mean = rates.reduce((s, r, i) => s + r * shares[i]!, 0);
    const cfg = testConfig({
      regions: base.regions,
      layers: [{ ...base.layers[3]!, contactsPerDay: mean, contactsByAgeBand: rates }],
    });
    const s = new SeedTree(3);
    const { population: p } = buildPopulation(cfg, s);
    const e = createEngine(cfg, p, s);
    const perBand = new Float64Array(rates.length);
    const days = 5;
    for (let d = 0; d < days; d++) {
      e.layers[0]!.scan(d, null, (a, b) => {
        perBand[p.ageBand[a]!]! += 1;
        perBand[p.ageBand[b]!]! += 1;
      });
    }
    rates.forEach((r, i) => {
      const agents = shares[i]! * p.size;
      expect(Math.abs(perBand[i]! / (agents * days) / r - 1)).toBeLessThan(0.03);
    });
  });
});

describe("contact shapes", () => {
  test("are the same whichever side of the pair asks", () => {
    engine.layers.forEach((layer, l) => {
      let n = 0;
      layer.scan(1, null, (a, b, k) => {
        if (n++ > 200) return;
        const ab = contactShape(config, engine.layerSeeds[l]!, l, 1, a, b, k);
        const ba = contactShape(config, engine.layerSeeds[l]!, l, 1, b, a, k);
        expect(ba).toEqual(ab);
      });
    });
  });
});
