import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { median, medianOf } from "../src/median.js";

describe("median", () => {
  it("is the middle value, or the mean of the middle two", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });

  it("has as many values at or below it as at or above it", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1 }), (xs) => {
        const m = median(xs);
        const below = xs.filter((x) => x <= m).length;
        const above = xs.filter((x) => x >= m).length;
        expect(below).toBeGreaterThanOrEqual(xs.length / 2);
        expect(above).toBeGreaterThanOrEqual(xs.length / 2);
      }),
    );
  });
});

describe("medianOf runs", () => {
  it("takes every number's median field by field, the rest from the first run", () => {
    const runs = [
      { store: "redis", latencyMs: { p50: 10, p99: 40 }, curve: [{ n: 1 }, { n: 9 }], ok: true },
      { store: "redis", latencyMs: { p50: 30, p99: 20 }, curve: [{ n: 3 }, { n: 7 }], ok: false },
      { store: "redis", latencyMs: { p50: 20, p99: 90 }, curve: [{ n: 2 }, { n: 8 }], ok: true },
    ];
    expect(medianOf(runs)).toEqual({
      store: "redis",
      latencyMs: { p50: 20, p99: 40 },
      curve: [{ n: 2 }, { n: 8 }],
      ok: true,
    });
  });

  it("keeps arrays of other lengths and nulls from the first run", () => {
    const runs = [
      { xs: [1, 2], none: null },
      { xs: [5], none: null },
    ];
    expect(medianOf(runs)).toEqual({ xs: [1, 2], none: null });
  });

  it("is the one run itself when there is one", () => {
    const run = { a: 1 };
    expect(medianOf([run])).toBe(run);
  });
});
