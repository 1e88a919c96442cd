import { describe, expect, test } from "vitest";
import { FLAG_APP, type SimConfig, simulate } from "../../src/core/index.js";
import { testConfig } from "./fixture.js";

const regions = [{ id: "a", name: "A", agents: 20_000 }];

/** Pooled recall over several seeds: Σ detected / Σ true. */
async function pooledRecall(make: (seed: number) => SimConfig, seeds: number) {
  const sum = { f1True: 0, f1Detected: 0, f2True: 0, f2Detected: 0, f1Fp: 0, f2Fp: 0 };
  for (let s = 1; s <= seeds; s++) {
    const { result } = await simulate(make(s));
    sum.f1True += result.f1.true;
    sum.f1Detected += result.f1.detected;
    sum.f2True += result.f2.true;
    sum.f2Detected += result.f2.detected;
    sum.f1Fp += result.f1.falsePositives;
    sum.f2Fp += result.f2.falsePositives;
  }
  return { ...sum, f1: sum.f1Detected / sum.f1True, f2: sum.f2Detected / sum.f2True };
}

describe("ideal BLE, uniform adoption: the reference relations", { timeout: 180_000 }, () => {
  for (const a of [0.3, 0.6]) {
    test(`a = ${a}: F1 recall ≈ a², F2 recall between a³ and a², no false positives`, async () => {
      const r = await pooledRecall(
        (seed) =>
          testConfig({
            seed,
            regions,
            f0: { count: 60, from: "all" },
            adoption: { mode: "uniform", share: a },
          }),
        8,
      );
      expect(r.f1True).toBeGreaterThan(8000);
      // 480 F0: the share of F0 using the app has SD ≈ 0.02, so recall's SD is ≈ a × 0.02.
      expect(Math.abs(r.f1 - a * a)).toBeLessThan(0.04);
      expect(r.f2).toBeGreaterThan(a ** 3 - 0.02);
      expect(r.f2).toBeLessThan(a * a + 0.02);
      expect(r.f1Fp + r.f2Fp).toBe(0);
    });
  }

  test("F0 drawn among app users: F1 recall ≈ a", async () => {
    const a = 0.4;
    const r = await pooledRecall(
      (seed) =>
        testConfig({
          seed,
          regions,
          f0: { count: 25, from: "appUsers" },
          adoption: { mode: "uniform", share: a },
        }),
      6,
    );
    expect(Math.abs(r.f1 - a)).toBeLessThan(0.04);
  });

  test("the app finds exactly the true F1 who use the app, of F0 who use it", async () => {
    const { engine, outbreak } = await simulate(
      testConfig({
        seed: 5,
        regions,
        f0: { count: 40, from: "all" },
        adoption: { mode: "uniform", share: 0.5 },
      }),
    );
    const app = (x: number) => (engine.population.flags[x]! & FLAG_APP) !== 0;
    const s = outbreak.sets;
    const appF0 = s.f0.filter(app);
    expect(appF0.length).toBeGreaterThan(0);
    for (const x of s.notifiedF1) expect(s.trueF1.has(x) && app(x)).toBe(true);
    // Every app-using true F1 is notified when all F0 use the app.
    const all = await simulate(
      testConfig({
        seed: 5,
        regions,
        f0: { count: 40, from: "appUsers" },
        adoption: { mode: "uniform", share: 0.5 },
      }),
    );
    const appAll = (x: number) => (all.engine.population.flags[x]! & FLAG_APP) !== 0;
    const expected = [...all.outbreak.sets.trueF1].filter(appAll).sort((x, y) => x - y);
    expect([...all.outbreak.sets.notifiedF1].sort((x, y) => x - y)).toEqual(expected);
  });
});

describe("realistic BLE", { timeout: 180_000 }, () => {
  test("never finds a true F1 that ideal BLE misses (one F0 per run, so every link is that F0's)", async () => {
    let realisticDetected = 0;
    let idealDetected = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const base = testConfig({
        seed,
        regions,
        f0: { count: 1, from: "appUsers" },
        adoption: { mode: "uniform", share: 0.6 },
      });
      const ideal = await simulate(base);
      const realistic = await simulate({ ...base, ble: { ...base.ble, mode: "realistic" } });
      expect(realistic.result.f1.true).toBe(ideal.result.f1.true);
      for (const x of realistic.outbreak.sets.notifiedF1) {
        if (ideal.outbreak.sets.trueF1.has(x))
          expect(ideal.outbreak.sets.notifiedF1.has(x)).toBe(true);
      }
      realisticDetected += realistic.result.f1.detected;
      idealDetected += ideal.result.f1.detected;
    }
    expect(idealDetected).toBeGreaterThan(20);
    expect(realisticDetected).toBeLessThan(idealDetected);
  });

  test("noisy distances make some false positives and some misses", async () => {
    const base = testConfig({
      seed: 4,
      regions,
      f0: { count: 60, from: "appUsers" },
      adoption: { mode: "uniform", share: 0.8 },
    });
    const { result } = await simulate({ ...base, ble: { ...base.ble, mode: "realistic" } });
    expect(result.f1.falsePositives).toBeGreaterThan(0);
    expect(result.f1.recall!).toBeLessThan(0.8);
    expect(result.f1.precision!).toBeGreaterThan(0.3);
  });
});

describe("determinism", { timeout: 180_000 }, () => {
  test("same config and seed give the same result; another seed does not", async () => {
    const c = testConfig({ seed: 9, regions, f0: { count: 10, from: "all" } });
    const a = await simulate(c);
    const b = await simulate(c);
    expect(JSON.stringify(b.result)).toBe(JSON.stringify(a.result));
    const other = await simulate({ ...c, seed: 10 });
    expect(JSON.stringify(other.result)).not.toBe(JSON.stringify(a.result));
  });
});

describe("manual tracing", { timeout: 180_000 }, () => {
  test("beyond-manual counts only app-detected true contacts the tracer missed", async () => {
    const { result, outbreak } = await simulate(
      testConfig({
        seed: 2,
        regions,
        f0: { count: 30, from: "appUsers" },
        adoption: { mode: "uniform", share: 0.6 },
      }),
    );
    const s = outbreak.sets;
    const beyond = [...s.notifiedF1].filter((x) => s.trueF1.has(x) && !s.manualF1.has(x)).length;
    expect(result.f1.beyondManual).toBe(beyond);
    expect(beyond).toBeGreaterThan(0);
    for (const x of s.manualF1) expect(s.trueF1.has(x)).toBe(true);
    // Households are recalled far more often than strangers.
    expect(s.manualF1.size / s.trueF1.size).toBeGreaterThan(0.4);
  });
});
