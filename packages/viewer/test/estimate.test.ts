import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateAt } from "../src/estimate.js";
import { point } from "./fixtures.js";

const grid = [0.05, 0.1, 0.2, 0.4, 0.6, 1].map(point);

describe("the page's one estimate at the slider", () => {
  it("at a swept value is that point's mean over runs and its 95% interval", () => {
    const h = estimateAt(grid, 0.6)!;
    expect(h.f1.mean).toBeCloseTo(0.36, 12);
    expect([h.f1.lo, h.f1.hi]).toEqual([0.35, 0.37].map((v) => expect.closeTo(v, 12)));
    expect(h.f2.mean).toBeCloseTo(0.216, 12);
    expect(h.beyondManualPerF0.mean).toBeCloseTo(4.8, 12);
    expect(h.f1.runs).toBe(3);
    expect(h.adoption).toBeCloseTo(0.6, 12);
  });

  it("between two swept values lies on the straight line the chart draws", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 1, noNaN: true }), (v) => {
        const h = estimateAt(grid, v)!;
        const i = grid.findIndex((p) => p.value >= v);
        const b = grid[i]!;
        const a = grid[Math.max(0, i - 1)]!;
        const lo = Math.min(a.f1.recall.mean, b.f1.recall.mean);
        const hi = Math.max(a.f1.recall.mean, b.f1.recall.mean);
        expect(h.f1.mean).toBeGreaterThanOrEqual(lo - 1e-12);
        expect(h.f1.mean).toBeLessThanOrEqual(hi + 1e-12);
        // Same fraction of the way along x and y: the marker sits on the segment.
        if (b.value !== a.value) {
          const t = (h.adoption - a.adoption.mean) / (b.adoption.mean - a.adoption.mean);
          const y = a.f1.recall.mean + t * (b.f1.recall.mean - a.f1.recall.mean);
          expect(h.f1.mean).toBeCloseTo(y, 10);
        }
        expect(h.f1.lo).toBeLessThanOrEqual(h.f1.mean + 1e-12);
        expect(h.f1.hi).toBeGreaterThanOrEqual(h.f1.mean - 1e-12);
      }),
    );
  });

  it("is undefined below the first swept value and without points", () => {
    expect(estimateAt(grid, 0.04)).toBeUndefined();
    expect(estimateAt([], 0.5)).toBeUndefined();
    expect(estimateAt([point(0.1)], 0.1)?.f1.mean).toBeCloseTo(0.01, 12);
  });
});
