// The mark a catch-up after a store outage fans out from (socket/fanned-seqs.ts): a push cut
// off by the outage while a later one got through must not be skipped.
import { describe, expect, it } from "vitest";
import { FannedSeqs } from "../src/socket/fanned-seqs.js";

describe("the fanned-out mark", () => {
  it("is the highest seq with none missing below it, in whatever order they arrive", () => {
    const f = new FannedSeqs();
    expect(f.caughtUpTo()).toBe(0);
    for (const s of [5, 6, 8, 7]) f.fanned(s);
    expect(f.caughtUpTo()).toBe(8);
    // Seq 10 was applied but its answer lost; 11 (another process's) got through.
    f.fanned(9);
    f.fanned(11);
    expect(f.caughtUpTo()).toBe(9);
    f.fanned(12);
    expect(f.caughtUpTo()).toBe(9);
    // The catch-up fans 10 (and again 11, 12): the mark moves past them.
    for (const s of [10, 11, 12]) f.fanned(s);
    expect(f.caughtUpTo()).toBe(12);
  });

  it("starts afresh past a jump too large to hold as gaps", () => {
    const f = new FannedSeqs();
    f.fanned(1);
    f.fanned(50_000);
    expect(f.caughtUpTo()).toBe(50_000);
  });

  it("says which seqs are missing, and settles a gap the store had no push for", () => {
    const f = new FannedSeqs();
    for (const s of [3, 4, 7]) f.fanned(s);
    expect(f.hasGap()).toBe(true);
    expect([5, 6, 7].map((s) => f.isMissing(s))).toEqual([true, true, false]);
    f.fanned(5);
    // The store listed pushes up to 7 and none was 6 (dropped by retention): not a gap.
    f.settledUpTo(7);
    expect(f.hasGap()).toBe(false);
    expect(f.caughtUpTo()).toBe(7);
  });
});
