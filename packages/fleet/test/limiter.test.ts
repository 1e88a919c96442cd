import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Limiter } from "../src/limiter.js";

describe("Limiter", () => {
  it("runs every task, never more than max at once, starting them in order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 30 }),
        async (max, ticks) => {
          const limiter = new Limiter(max);
          let active = 0;
          let peak = 0;
          const started: number[] = [];
          const results = await Promise.all(
            ticks.map((t, i) =>
              limiter.run(async () => {
                started.push(i);
                active++;
                peak = Math.max(peak, active);
                for (let k = 0; k < t; k++) await Promise.resolve();
                active--;
                return i * 2;
              }),
            ),
          );
          expect(results).toEqual(ticks.map((_, i) => i * 2));
          expect(peak).toBeLessThanOrEqual(max);
          expect(peak).toBe(Math.min(max, ticks.length));
          expect(started).toEqual(ticks.map((_, i) => i));
        },
      ),
    );
  });

  it("frees its place when a task fails", async () => {
    const limiter = new Limiter(1);
    await expect(limiter.run(() => Promise.reject(new Error("no")))).rejects.toThrow("no");
    await expect(limiter.run(async () => "next")).resolves.toBe("next");
  });
});
