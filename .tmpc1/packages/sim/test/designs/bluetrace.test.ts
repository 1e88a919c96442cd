import { describe, expect, test } from "vitest";
import { decisionParams, FLAG_APP, simulate } from "../../src/core/index.js";
import { blueTraceExpected } from "../../src/designs/index.js";
import { testConfig } from "../core/fixture.js";

const regions = [{ id: "a", name: "A", agents: 6_000 }];

describe("BlueTrace's oracle", () => {
  for (const mode of ["ideal", "realistic"] as const) {
    test(`${mode} radio: F1 and F2 are app users, apart from each other and the F0; with symmetric sightings, within Bluezone's`, async () => {
      const base = testConfig({
        seed: 3,
        days: 7,
        regions,
        f0: { count: 30, from: "appUsers" },
        adoption: { mode: "uniform", share: 0.6 },
      });
      const config = { ...base, ble: { ...base.ble, mode } };
      const { engine, outbreak } = await simulate(config);
      const s = outbreak.sets;
      const bt = blueTraceExpected(engine, outbreak, decisionParams(config));
      expect(bt.f1.size).toBeGreaterThan(10);
      expect(bt.f2.size).toBeGreaterThan(10);
      const f0 = new Set(s.f0);
      const app = (a: number) => (engine.population.flags[a]! & FLAG_APP) !== 0;
      // The ideal radio hears both ways alike: one-sided evidence is then a part of Bluezone's
      // two-sided evidence, so every BlueTrace F1 is a Bluezone F1. The realistic radio may
      // hear one way only: BlueTrace, reading the F0's log alone, then finds a contact that
      // never heard the F0 (and so never uploads in Bluezone's flow), and misses the reverse.
      const symmetric = mode === "ideal";
      for (const [x, day] of bt.f1) {
        if (symmetric) expect(s.notifiedF1.has(x)).toBe(true);
        expect(app(x)).toBe(true);
        expect(f0.has(x)).toBe(false);
        expect(day).toBeGreaterThanOrEqual(Math.floor(outbreak.window.start / 86_400));
      }
      // An F2 is a contact of an F1 in a window no wider than Bluezone's: Bluezone finds it
      // too (as F2, or as F1); never an F0 or a BlueTrace F1.
      for (const q of bt.f2) {
        if (symmetric) expect(s.notifiedF2.has(q) || s.notifiedF1.has(q)).toBe(true);
        expect(app(q)).toBe(true);
        expect(f0.has(q) || bt.f1.has(q)).toBe(false);
      }
    });
  }

  test("is deterministic: the same run gives the same sets", async () => {
    const config = testConfig({ seed: 4, days: 5, regions, f0: { count: 10, from: "appUsers" } });
    const a = await simulate(config);
    const b = await simulate(config);
    const x = blueTraceExpected(a.engine, a.outbreak, decisionParams(config));
    const y = blueTraceExpected(b.engine, b.outbreak, decisionParams(config));
    expect([...x.f1]).toEqual([...y.f1]);
    expect([...x.f2]).toEqual([...y.f2]);
  });
});
