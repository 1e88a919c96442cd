import { describe, expect, test } from "vitest";
import { type SimConfig, simulate } from "../../src/core/index.js";
import { testConfig } from "../core/fixture.js";

const regions = [{ id: "a", name: "A", agents: 20_000 }];
const uniform = (share: number, f0: number, from: "all" | "appUsers", seed: number): SimConfig =>
  testConfig({ seed, regions, f0: { count: f0, from }, adoption: { mode: "uniform", share } });

/** Per-F0 recall means over several runs, weighted by the F0 each run counted. */
async function perF0Recall(configs: SimConfig[]) {
  let n1 = 0;
  let s1 = 0;
  let n2 = 0;
  let s2 = 0;
  for (const c of configs) {
    const { perF0 } = (await simulate(c)).result;
    n1 += perF0.f1.recall.n;
    s1 += perF0.f1.recall.n * perF0.f1.recall.mean!;
    n2 += perF0.f2.recall.n;
    s2 += perF0.f2.recall.n * perF0.f2.recall.mean!;
  }
  return { f1: s1 / n1, f2: s2 / n2 };
}

describe("per-F0 figures (ideal BLE, uniform adoption a)", () => {
  test("F1 recall per F0 is a² over F0 drawn from everyone and a over F0 drawn from app users", async () => {
    const a = 0.5;
    const all = await perF0Recall([1, 2, 3].map((s) => uniform(a, 60, "all", s)));
    // 180 F0: P(F0 uses the app) has SD ≈ 0.04, so recall's SD is ≈ a × 0.04 = 0.02.
    expect(Math.abs(all.f1 - a * a)).toBeLessThan(0.06);
    const users = await perF0Recall([1, 2, 3].map((s) => uniform(a, 60, "appUsers", s)));
    expect(Math.abs(users.f1 - a)).toBeLessThan(0.03);
  }, 240_000);

  test("F1 and F2 recall per F0 do not move with the number of F0 seeded (5 × 20 against 300)", async () => {
    const a = 0.5;
    const few = await perF0Recall([1, 2, 3, 4, 5].map((s) => uniform(a, 20, "appUsers", s)));
    const many = await perF0Recall([uniform(a, 300, "appUsers", 6)]);
    expect(Math.abs(few.f1 - many.f1)).toBeLessThan(0.04);
    expect(Math.abs(few.f2 - many.f2)).toBeLessThan(0.04);
    // Pooled F2 recall, by contrast, is free to move: it is not what is asserted here.
  }, 240_000);

  test("beyond manual tracing counts each app-using F0's own true F1 + F2 the app found and tracers did not", async () => {
    const { outbreak, result } = await simulate(uniform(0.6, 30, "appUsers", 2));
    const expected = outbreak.chains
      .filter((c) => c.app)
      .map((c) => {
        let n = 0;
        for (const p of c.appF1.keys()) if (c.trueF1.has(p) && !c.manualF1.has(p)) n++;
        for (const q of c.appF2) if (c.trueF2.has(q) && !c.manualF2.has(q)) n++;
        return n;
      });
    const mean = expected.reduce((x, y) => x + y, 0) / expected.length;
    expect(result.perF0.beyondManual.mean).toBeCloseTo(mean, 9);
    expect(result.perF0.beyondManual.n).toBe(expected.length);
    const [lo, hi] = result.perF0.beyondManual.ci95!;
    expect(lo).toBeLessThanOrEqual(mean);
    expect(hi).toBeGreaterThanOrEqual(mean);
    expect(lo).toBeGreaterThanOrEqual(0);
  }, 120_000);
});
