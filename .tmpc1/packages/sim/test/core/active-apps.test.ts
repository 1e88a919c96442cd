import { describe, expect, test } from "vitest";
import {
  buildPopulation,
  FLAG_APP,
  FLAG_INSTALLED,
  FLAG_IOS,
  phoneDailyKeys,
  SeedTree,
  simulate,
} from "../../src/core/index.js";
import { testConfig } from "./fixture.js";

const regions = [{ id: "a", name: "A", agents: 20_000 }];
const active = { android: 0.5, ios: 0.3 };

describe("installs and active apps", { timeout: 180_000 }, () => {
  test("uniform adoption sets the active share exactly; inactive installs follow each platform's share", () => {
    const shares = { android: 0.5, ios: 0.6 };
    const config = testConfig({
      regions,
      activeShare: shares,
      adoption: { mode: "uniform", share: 0.2 },
    });
    const { population: pop } = buildPopulation(config, new SeedTree(config.seed));
    const act = [0, 0];
    const inactive = [0, 0];
    for (let i = 0; i < pop.size; i++) {
      const f = pop.flags[i]!;
      const k = (f & FLAG_IOS) !== 0 ? 1 : 0;
      if (f & FLAG_APP) {
        expect(f & FLAG_INSTALLED).toBe(FLAG_INSTALLED);
        act[k]!++;
      } else if (f & FLAG_INSTALLED) inactive[k]!++;
    }
    expect(Math.abs((act[0]! + act[1]!) / pop.size - 0.2)).toBeLessThan(0.002);
    // (1 − s) / s inactive installs per active app: Android 1, iOS 0.67; binomial, 4 SD.
    expect(Math.abs(inactive[0]! / act[0]! - 1)).toBeLessThan(0.07);
    expect(Math.abs(inactive[1]! / act[1]! - 0.4 / 0.6)).toBeLessThan(0.15);
  });

  test("policy adoption counts installs; each is active with its platform's share", () => {
    const config = testConfig({
      regions,
      activeShare: active,
      adoption: { mode: "policy", denominator: "population", byRegion: [0.3] },
    });
    const { population: pop } = buildPopulation(config, new SeedTree(config.seed));
    const inst = [0, 0];
    const act = [0, 0];
    let installs = 0;
    for (let i = 0; i < pop.size; i++) {
      const f = pop.flags[i]!;
      if ((f & FLAG_INSTALLED) === 0) {
        expect(f & FLAG_APP).toBe(0);
        continue;
      }
      installs++;
      const k = (f & FLAG_IOS) !== 0 ? 1 : 0;
      inst[k]!++;
      if (f & FLAG_APP) act[k]!++;
    }
    expect(Math.abs(installs / pop.size - 0.3)).toBeLessThan(0.002);
    // Binomial: SD of a share over ≥ 1,000 installs is ≤ 0.016; 4 SD.
    expect(Math.abs(act[0]! / inst[0]! - active.android)).toBeLessThan(0.064);
    expect(Math.abs(act[1]! / inst[1]! - active.ios)).toBeLessThan(0.064);
  });

  test("inactive installs are never found by the app, nor have keys; true F1 among them exist", async () => {
    let inactiveTrueF1 = 0;
    let activeFound = 0;
    for (let seed = 1; seed <= 3; seed++) {
      const { engine, outbreak } = await simulate(
        testConfig({
          seed,
          regions,
          activeShare: { android: 0.5, ios: 0.5 },
          adoption: { mode: "policy", denominator: "population", byRegion: [0.6] },
          f0: { count: 30, from: "appUsers" },
        }),
      );
      const flags = engine.population.flags;
      const inactive = (x: number) => (flags[x]! & (FLAG_INSTALLED | FLAG_APP)) === FLAG_INSTALLED;
      const s = outbreak.sets;
      for (const x of s.trueF1) if (inactive(x)) inactiveTrueF1++;
      for (const x of [...s.notifiedF1, ...s.notifiedF2]) {
        expect(inactive(x)).toBe(false);
        activeFound++;
      }
      for (const c of outbreak.chains) {
        for (const x of [...c.appF1.keys(), ...c.appF2]) expect(inactive(x)).toBe(false);
      }
      for (let i = 0; i < engine.population.size; i += 97) {
        if (inactive(i)) expect(phoneDailyKeys(engine, i, 30_000)).toEqual([]);
      }
    }
    // With half the installs inactive, the test sees many of them among true F1.
    expect(inactiveTrueF1).toBeGreaterThan(50);
    expect(activeFound).toBeGreaterThan(50);
  });
});
