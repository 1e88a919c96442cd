// Worker threads load built files: these tests use the package's dist (turbo builds it first).
import { simulate, sweep } from "@tracebed/sim";
import { workerRunner, workerScanner } from "@tracebed/sim/node";
import { describe, expect, test } from "vitest";
import { testConfig } from "../core/fixture.js";

const config = testConfig({
  seed: 21,
  regions: [
    { id: "a", name: "A", agents: 12_000 },
    { id: "b", name: "B", agents: 6_000 },
  ],
  f0: { count: 20, from: "all" },
  ble: { ...testConfig().ble, mode: "realistic" },
});

describe("determinism whatever the number of worker threads", () => {
  test("simulate: inline, 1, 2 and 3 scanning threads give the same document", async () => {
    const inline = JSON.stringify((await simulate(config)).result);
    for (const threads of [1, 2, 3]) {
      const scanner = workerScanner(threads);
      try {
        const { result } = await simulate(config, { scanner });
        expect(JSON.stringify(result)).toBe(inline);
      } finally {
        await scanner.close();
      }
    }
  });

  test("sweep: 1 and 2 worker threads give the same points", async () => {
    const make = (share: number, seed: number) =>
      testConfig({
        ...config,
        seed,
        adoption: { mode: "uniform", share },
        regions: [{ id: "a", name: "A", agents: 6_000 }],
      });
    const one = await sweep([0.2, 0.6], [1, 2, 3], make, workerRunner(1));
    const two = await sweep([0.2, 0.6], [1, 2, 3], make, workerRunner(2));
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.points[1]!.f1.recall.mean).toBeGreaterThan(one.points[0]!.f1.recall.mean);
  });
});
