import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { bootstrapMeanInterval, CI95_METHOD, summarize } from "../../src/sweep/stats.js";

/** A seeded uniform(0, 1) stream, so the statistical checks below are reproducible. */
function uniforms(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe("the bootstrap interval of the mean over seeds", () => {
  test("a share's interval stays within [0, 1] and within the values, around the mean", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (xs) => {
          const s = summarize(xs);
          expect(s.ci95[0]).toBeGreaterThanOrEqual(Math.min(...xs));
          expect(s.ci95[1]).toBeLessThanOrEqual(Math.max(...xs));
          expect(s.ci95[0]).toBeGreaterThanOrEqual(0);
          expect(s.ci95[1]).toBeLessThanOrEqual(1);
          expect(s.ci95[0]).toBeLessThanOrEqual(s.mean + 1e-12);
          expect(s.ci95[1]).toBeGreaterThanOrEqual(s.mean - 1e-12);
        },
      ),
    );
  });

  test("few seeds near 0 no longer give a negative lower bound (Student's t did)", () => {
    // Four seeds' F2 recall at low adoption: t gave roughly 0.8% [-2.5%, 4.0%].
    const s = summarize([0, 0, 0, 0.032]);
    expect(s.mean).toBeCloseTo(0.008, 10);
    expect(s.ci95[0]).toBe(0);
    expect(s.ci95[1]).toBeGreaterThan(s.mean);
  });

  test("one value: the interval is the value; the same values: the same interval", () => {
    expect(summarize([0.3]).ci95).toEqual([0.3, 0.3]);
    const xs = [0.1, 0.4, 0.25, 0.3, 0.2];
    expect(bootstrapMeanInterval(xs)).toEqual(bootstrapMeanInterval([...xs]));
  });

  test("with many seeds its half-width matches 1.96 σ/√n (uniform values: σ² = 1/12)", () => {
    const next = uniforms(7);
    const n = 400;
    const xs = Array.from({ length: n }, next);
    const [lo, hi] = bootstrapMeanInterval(xs);
    const expected = (1.96 * Math.sqrt(1 / 12)) / Math.sqrt(n);
    expect((hi - lo) / 2).toBeGreaterThan(0.9 * expected);
    expect((hi - lo) / 2).toBeLessThan(1.1 * expected);
  });

  test("over repeated sweeps of 10 seeds it covers the true mean about 95% of the time", () => {
    const next = uniforms(11);
    const trials = 400;
    let covered = 0;
    for (let k = 0; k < trials; k++) {
      // Skewed values (u²) like a recall at low adoption: true mean 1/3.
      const xs = Array.from({ length: 10 }, () => next() ** 2);
      const [lo, hi] = bootstrapMeanInterval(xs, 500);
      if (lo <= 1 / 3 && 1 / 3 <= hi) covered++;
    }
    // The percentile bootstrap runs a little under nominal at n = 10 (about 0.90–0.93).
    expect(covered / trials).toBeGreaterThan(0.85);
    expect(covered / trials).toBeLessThan(0.99);
  });

  test("the method is named for the JSON", () => {
    expect(CI95_METHOD).toMatchObject({ name: "percentile-bootstrap", over: "seeds", level: 0.95 });
  });
});
