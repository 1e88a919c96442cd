import { DEFAULT_GAEN_EXPOSURE } from "@tracebed/protocol";
import { beforeAll, describe, expect, it } from "vitest";
import { type Engine, FLAG_APP, type Outbreak, simulate } from "../../src/core/index.js";
import { gaenF1Uploads, gaenOracle } from "../../src/designs/gaen.js";
import { testConfig } from "../core/fixture.js";

const DAY = 86_400;
let engine: Engine;
let outbreak: Outbreak;
let f0: number[];

beforeAll(async () => {
  const base = testConfig({ days: 6 });
  ({ engine, outbreak } = await simulate({
    ...base,
    regions: [{ id: "a", name: "A", agents: 4_000 }],
    f0: { ...base.f0, count: 40 },
  }));
  f0 = outbreak.sets.f0.filter((a) => (engine.population.flags[a]! & FLAG_APP) !== 0);
});

function oracle(over: Partial<Parameters<typeof gaenOracle>[1]> = {}) {
  return gaenOracle(engine, {
    f0,
    firstDay: Math.floor(outbreak.window.start / DAY),
    lastDay: Math.floor((outbreak.window.end - 1) / DAY),
    publishedBy: outbreak.window.end + 2 * DAY,
    exposure: DEFAULT_GAEN_EXPOSURE,
    f1UploadShare: 0.5,
    ...over,
  });
}

describe("the GAEN design's oracle", () => {
  it("F1 are app users other than the F0; F2 neither F0 nor F1; only F1 upload", () => {
    const v = oracle();
    expect(f0.length).toBeGreaterThan(5);
    expect(v.f1.size).toBeGreaterThan(5);
    for (const a of v.f1) {
      expect(f0).not.toContain(a);
      expect(engine.population.flags[a]! & FLAG_APP).not.toBe(0);
    }
    for (const a of v.f2) expect(v.f1.has(a) || f0.includes(a)).toBe(false);
    for (const a of v.uploadingF1) expect(v.f1.has(a)).toBe(true);
  });

  it("gives no F2 when no F1 uploads", () => {
    const v = oracle({ f1UploadShare: 0 });
    expect(v.uploadingF1).toEqual([]);
    expect(v.f2.size).toBe(0);
    expect(v.f1).toEqual(oracle().f1);
  });

  it("a lower threshold finds a superset; unpublished days find a subset", () => {
    const at15 = oracle().f1;
    const at5 = oracle({ exposure: { rule: "german", minMinutes: 5 } }).f1;
    const at60 = oracle({ exposure: { rule: "german", minMinutes: 60 } }).f1;
    for (const a of at15) expect(at5.has(a)).toBe(true);
    for (const a of at60) expect(at15.has(a)).toBe(true);
    expect(at5.size).toBeGreaterThan(at60.size);
    const firstDayOnly = oracle({
      publishedBy: (Math.floor(outbreak.window.start / DAY) + 2) * DAY,
    }).f1;
    for (const a of firstDayOnly) expect(at15.has(a)).toBe(true);
    expect(firstDayOnly.size).toBeLessThan(at15.size);
  });

  it("an F1 uploads with the stated share, the same draw every time", () => {
    let n = 0;
    for (let a = 0; a < engine.population.size; a++) if (gaenF1Uploads(engine, a, 0.3)) n++;
    // Binomial(4,000, 0.3): sd ≈ 29; 5 sd either side.
    expect(Math.abs(n - 0.3 * engine.population.size)).toBeLessThan(150);
    expect(gaenF1Uploads(engine, 7, 0.3)).toBe(gaenF1Uploads(engine, 7, 0.3));
    expect(gaenF1Uploads(engine, 7, 0)).toBe(false);
  });
});
