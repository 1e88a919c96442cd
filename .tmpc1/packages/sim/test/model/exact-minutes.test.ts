import { describe, expect, test } from "vitest";
import { simulate } from "../../src/core/index.js";
import { testConfig } from "../core/fixture.js";

/**
 * Truth from exact minutes: with households only (each pair meets once a day), every
 * meeting lasting `minutes` at 1 m, a 14-minute contact is never a true F1 and a 15-minute
 * one always is; ideal BLE finds exactly the same.
 */
async function householdsOnly(minutes: number) {
  const base = testConfig({
    seed: 7,
    regions: [{ id: "a", name: "A", agents: 4_000 }],
    f0: { count: 20, from: "all" },
    adoption: { mode: "uniform", share: 1 },
  });
  const household = {
    ...base.layers[0]!,
    durationMinutes: { family: "fixed" as const, value: minutes },
    distanceMeters: { family: "fixed" as const, value: 1 },
  };
  return simulate({ ...base, layers: [household] });
}

describe("exact-minute truth", () => {
  test("14 minutes together is never a close contact, for the truth or the ideal app", async () => {
    const { result } = await householdsOnly(14);
    expect(result.f1.true).toBe(0);
    expect(result.f1.detected + result.f1.falsePositives).toBe(0);
  });

  test("15 minutes is always one: every household member of an F0, found by the ideal app", async () => {
    const { result, engine, outbreak } = await householdsOnly(15);
    const hs = engine.population.householdStart;
    let members = 0;
    const f0 = new Set(outbreak.sets.f0);
    const counted = new Set<number>();
    for (const i of outbreak.sets.f0) {
      let h = 0;
      while (hs[h + 1]! <= i) h++;
      for (let x = hs[h]!; x < hs[h + 1]!; x++) if (!f0.has(x) && !counted.has(x)) counted.add(x);
    }
    members = counted.size;
    expect(members).toBeGreaterThan(20);
    expect(result.f1.true).toBe(members);
    expect(result.f1.detected).toBe(members);
    expect(result.f1.falsePositives).toBe(0);
  });
});
