import { describe, expect, test } from "vitest";
import {
  adoptionReport,
  buildPopulation,
  createEngine,
  FLAG_APP,
  FLAG_SMARTPHONE,
  NEVER,
  pairEvidence,
  SeedTree,
  type SimConfig,
} from "../../src/core/index.js";
import { testConfig } from "./fixture.js";

const regions = [
  { id: "a", name: "A", agents: 30_000 },
  { id: "b", name: "B", agents: 15_000 },
];

function realised(config: SimConfig, seed = 3) {
  const { population, adoptionShortfall } = buildPopulation(config, new SeedTree(seed));
  return { population, report: adoptionReport(config, population, adoptionShortfall) };
}

describe("uniform adoption", () => {
  for (const share of [0.08, 0.3, 0.6]) {
    test(`share ${share}: realised within ±0.01 by region, age band and group`, () => {
      const { report } = realised(testConfig({ regions, adoption: { mode: "uniform", share } }));
      expect(Math.abs(report.realised.population - share)).toBeLessThan(0.01);
      for (const r of report.byRegion) expect(Math.abs(r.realised - share)).toBeLessThan(0.01);
      for (const a of report.byAge) expect(Math.abs(a.realised - share)).toBeLessThan(0.01);
      for (const g of report.byGroup) expect(Math.abs(g.realised - share)).toBeLessThan(0.01);
    });
  }
});

describe("policy adoption", () => {
  const policy = (
    denominator: "population" | "adults" | "smartphoneUsers",
    byRegion: number[],
    ramp?: number[],
  ) =>
    testConfig({
      regions,
      adoption: { mode: "policy", denominator, byRegion, ...(ramp ? { ramp } : {}) },
    });

  for (const denominator of ["population", "adults", "smartphoneUsers"] as const) {
    test(`per region on its denominator (${denominator})`, () => {
      const { report } = realised(policy(denominator, [0.1653, 0.4]));
      expect(report.byRegion.map((r) => r.denominator)).toEqual([denominator, denominator]);
      expect(Math.abs(report.byRegion[0]!.realised - 0.1653)).toBeLessThan(0.01);
      expect(Math.abs(report.byRegion[1]!.realised - 0.4)).toBeLessThan(0.01);
    });
  }

  test("groups at 100% of their smartphone owners stay there", () => {
    const { report } = realised(policy("population", [0.1, 0.1]));
    for (const g of report.byGroup) expect(g.ofSmartphoneOwners).toBe(1);
  });

  test("the same share of smartphone owners in every age band", () => {
    const { population: pop } = realised(policy("smartphoneUsers", [0.5, 0.5]));
    const bands = testConfig().ageBands.map(() => [0, 0]);
    for (let i = 0; i < pop.size; i++) {
      if ((pop.flags[i]! & FLAG_SMARTPHONE) === 0 || pop.groups[i] !== 0) continue;
      bands[pop.ageBand[i]!]![0]! += 1;
      if (pop.flags[i]! & FLAG_APP) bands[pop.ageBand[i]!]![1]! += 1;
    }
    const shares = bands.filter(([n]) => n! > 500).map(([n, u]) => u! / n!);
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThan(0.01);
  });

  test("a target beyond the smartphone owners is capped and reported", () => {
    const { report } = realised(policy("population", [0.95, 0.95]));
    expect(report.shortfall).toBeGreaterThan(0);
    expect(report.realised.population).toBeLessThanOrEqual(report.realised.smartphoneUsers);
  });

  test("a campaign ramp spreads install days and a phone has no log before its install day", () => {
    const ramp = [0.15, 0.2, 0.3, 0.45, 0.6, 0.8, 1];
    const config = policy("population", [0.3, 0.3], ramp);
    const { population: pop } = realised(config);
    const byDay = new Array(config.days).fill(0);
    let users = 0;
    for (let i = 0; i < pop.size; i++) {
      if (pop.installDay[i] === NEVER) continue;
      users++;
      byDay[pop.installDay[i]!] += 1;
    }
    let cumulative = 0;
    ramp.forEach((r, d) => {
      cumulative += byDay[d];
      expect(Math.abs(cumulative / users - r)).toBeLessThan(0.01);
    });
    // Sightings of a late installer start on its install day.
    const engine = createEngine(config, pop);
    const late = pop.installDay.indexOf(5);
    const other = pop.installDay.indexOf(0);
    const contacts = Array.from({ length: config.days }, (_, day) => ({ day, layer: 0, k: 1 }));
    const ev = pairEvidence(engine, late, other, contacts, {
      timestamps: [],
      rssi: [],
      txPower: [],
    });
    const day5 = (config.startUnixDay + 5) * 86_400 - config.utcOffsetHours * 3600;
    expect(ev.timestamps.length).toBeGreaterThan(0);
    expect(Math.min(...ev.timestamps)).toBeGreaterThanOrEqual(day5);
  });
});
