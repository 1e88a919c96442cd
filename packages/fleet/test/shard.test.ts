import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shardOf } from "../src/shard.js";

describe("shardOf", () => {
  it("gives each phone one process, and spreads each process's phones evenly over the URLs", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 500 }),
        (procs, nUrls, phones) => {
          const urls = Array.from({ length: nUrls }, (_, i) => `http://127.0.0.1:${4000 + i}`);
          const shards = Array.from({ length: procs }, (_, proc) => shardOf(proc, procs, urls));
          for (let p = 0; p < phones; p++) {
            expect(shards.filter((s) => s.mine(p)).length).toBe(1);
          }
          for (const s of shards) {
            const perUrl = new Map(urls.map((u) => [u, 0]));
            for (let p = 0; p < phones; p++) {
              if (s.mine(p)) perUrl.set(s.urlOf(p), perUrl.get(s.urlOf(p))! + 1);
            }
            const counts = [...perUrl.values()];
            expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
