import { describe, expect, test } from "vitest";
import {
  buildPopulation,
  createEngine,
  type DayScanner,
  inlineScanner,
  SeedTree,
  traceOutbreak,
} from "../../src/core/index.js";
import { testConfig } from "./fixture.js";

// A scanner on other threads lets the second pass start early, around every partner of an F0
// (`traceOutbreak`): the outbreak must be the one the later, F1-only pass gives.
describe("the early second pass", () => {
  test("flags a superset of the F1 and gives the same outbreak", async () => {
    const config = testConfig({
      seed: 4,
      regions: [{ id: "a", name: "A", agents: 60_000 }],
      f0: { count: 2, from: "all" },
      adoption: { mode: "uniform", share: 0.5 },
    });
    const seeds = new SeedTree(config.seed);
    const engine = createEngine(config, buildPopulation(config, seeds).population, seeds);
    const inline = inlineScanner(engine);
    const flaggedCounts: number[] = [];
    const concurrent: DayScanner = Object.assign(
      (flagged: Uint8Array, onDay?: () => void, count?: boolean) => {
        flaggedCounts.push(flagged.reduce((s, x) => s + x, 0));
        return inline(flagged, onDay, count);
      },
      { concurrent: true },
    );
    const late = await traceOutbreak(engine, inline);
    const early = await traceOutbreak(engine, concurrent);
    const { trueF1, notifiedF1, manualF1 } = late.sets;
    const f1Any = new Set([...trueF1, ...notifiedF1, ...manualF1]);
    expect(f1Any.size).toBeGreaterThan(10);
    // The second scan flagged more agents than the F1 (every partner of the F0).
    expect(flaggedCounts).toHaveLength(2);
    expect(flaggedCounts[1]!).toBeGreaterThan(f1Any.size);
    // Sets and maps as sorted entries: their insertion order follows the scans' order, which
    // depends on who else is flagged; their contents may not.
    const sorted = (x: Iterable<unknown>) => [...x].map((e) => JSON.stringify(e)).sort();
    const json = (o: typeof late) =>
      JSON.stringify({
        sets: Object.fromEntries(Object.entries(o.sets).map(([k, v]) => [k, sorted(v)])),
        chains: o.chains.map((c) =>
          Object.fromEntries(
            Object.entries(c).map(([k, v]) => [
              k,
              v instanceof Map || v instanceof Set ? sorted(v) : v,
            ]),
          ),
        ),
        step2: [...o.step2].map(([j, m]) => [j, [...m].sort((x, y) => x[0] - y[0])]),
      });
    expect(json(early)).toBe(json(late));
  });
});
