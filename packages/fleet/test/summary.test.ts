import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FleetEvent } from "../src/events.js";
import { SummaryBuilder } from "../src/summary.js";

const T0 = 1_700_000_000_000;

/** Percentile q of these values by nearest rank, as HdrHistogram defines it (up to its precision). */
function rankValue(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(Math.ceil((q / 100) * sorted.length), 1);
  return sorted[rank - 1]!;
}

/** Within HdrHistogram's 3 significant digits (and the 1 ms floor it records). */
function near(got: number, want: number): void {
  expect(Math.abs(got - Math.max(1, want))).toBeLessThanOrEqual(Math.max(1, want) * 0.001 + 1);
}

const notification = fc.record({
  agent: fc.nat({ max: 40 }),
  role: fc.constantFrom("F1" as const, "F2" as const),
});

describe("SummaryBuilder", () => {
  it("compares the people notified, each once in their highest role and F0 left out, with the oracle's sets", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: 40 }), { maxLength: 5 }),
        fc.array(notification, { maxLength: 80 }),
        fc.uniqueArray(fc.nat({ max: 40 })),
        fc.uniqueArray(fc.nat({ max: 40 })),
        (f0, notes, expectedF1, expectedF2) => {
          const s = new SummaryBuilder();
          for (const [k, a] of f0.entries()) {
            s.add({ type: "confirmed", agent: a, indexId: `index-f0-${k}`, at: T0 });
          }
          for (const n of notes) {
            s.add({ type: "notified", ...n, indexId: "index-f0-0", at: T0 + 10 });
          }
          const f1 = new Set(notes.filter((n) => n.role === "F1").map((n) => n.agent));
          const f2 = new Set(notes.map((n) => n.agent).filter((a) => !f1.has(a)));
          for (const a of f0) {
            f1.delete(a);
            f2.delete(a);
          }
          const compare = (want: number[], got: Set<number>) => ({
            expected: want.length,
            notified: got.size,
            missing: want.filter((a) => !got.has(a)).length,
            extra: [...got].filter((a) => !want.includes(a)).length,
          });
          const sum = s.build({ f1: new Set(expectedF1), f2: new Set(expectedF2) }, 1);
          expect(sum.f0).toBe(f0.length);
          expect(sum.f1).toEqual(compare(expectedF1, f1));
          expect(sum.f2).toEqual(compare(expectedF2, f2));
        },
      ),
    );
  });

  it("compares the notified sets with the truth: recall over the true set, precision over the notified", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: 60 }), { maxLength: 30 }),
        fc.uniqueArray(fc.nat({ max: 60 }), { maxLength: 30 }),
        (notified, truth) => {
          const s = new SummaryBuilder();
          s.add({ type: "confirmed", agent: 1_000, indexId: "index-f0-0", at: T0 });
          for (const agent of notified) {
            s.add({ type: "notified", agent, role: "F1", indexId: "index-f0-0", at: T0 + 5 });
          }
          const want = new Set(truth);
          const sum = s.build({ f1: new Set(), f2: new Set(), trueF1: want, trueF2: new Set() }, 1);
          const found = notified.filter((a) => want.has(a)).length;
          expect(sum.f1.truth).toEqual({
            true: truth.length,
            found,
            recall: truth.length === 0 ? null : found / truth.length,
            precision: notified.length === 0 ? null : found / notified.length,
          });
          expect(sum.f2.truth).toEqual({ true: 0, found: 0, recall: null, precision: null });
        },
      ),
    );
  });

  it("times each F1 from its F0's confirmation, and per F0 its last F1 and its last F2", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            confirmedAfter: fc.nat({ max: 5_000 }),
            f1: fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 8 }),
            f2: fc.array(fc.integer({ min: 0, max: 200_000 }), { maxLength: 8 }),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        fc.nat({ max: 5 }),
        (f0s, untied) => {
          const s = new SummaryBuilder();
          const foundThrough = new Map<string, string>();
          const each: number[] = [];
          const lastF1: number[] = [];
          const lastF2: number[] = [];
          let agent = 100;
          for (const [k, f0] of f0s.entries()) {
            const f0Index = `index-f0-${k}`;
            const from = T0 + f0.confirmedAfter;
            s.add({ type: "confirmed", agent: agent++, indexId: f0Index, at: from });
            for (const ms of f0.f1) {
              s.add({
                type: "notified",
                agent: agent++,
                role: "F1",
                indexId: f0Index,
                at: from + ms,
              });
              each.push(ms);
            }
            lastF1.push(Math.max(...f0.f1));
            // Every F2 of this F0 is found through the index its first F1 became.
            const f1Index = `index-f1-${k}`;
            foundThrough.set(f1Index, f0Index);
            for (const ms of f0.f2) {
              s.add({
                type: "notified",
                agent: agent++,
                role: "F2",
                indexId: f1Index,
                at: from + ms,
              });
            }
            if (f0.f2.length > 0) lastF2.push(Math.max(...f0.f2));
          }
          for (let u = 0; u < untied; u++) {
            s.add({
              type: "notified",
              agent: agent++,
              role: "F2",
              indexId: "index-unknown",
              at: T0,
            });
          }
          const sum = s.build({ f1: new Set(), f2: new Set() }, 1, foundThrough);
          near(sum.latencyMs.notifyP50, rankValue(each, 50));
          near(sum.latencyMs.notifyP99, rankValue(each, 99));
          near(sum.latencyMs.lastF1P50, rankValue(lastF1, 50));
          near(sum.latencyMs.lastF1P99, rankValue(lastF1, 99));
          const f2Count = f0s.reduce((n, f) => n + f.f2.length, 0);
          expect(sum.f2Notifications).toEqual({ received: f2Count + untied, tiedToF0: f2Count });
          if (lastF2.length === 0) {
            expect(sum.latencyMs.lastF2P50).toBeNull();
          } else {
            near(sum.latencyMs.lastF2P50!, rankValue(lastF2, 50));
            near(sum.latencyMs.lastF2P99!, rankValue(lastF2, 99));
          }
          // Without the live feed's links no F2 is tied to an F0.
          const unlinked = s.build({ f1: new Set(), f2: new Set() }, 1);
          expect(unlinked.latencyMs.lastF2P50).toBeNull();
          expect(unlinked.f2Notifications.tiedToF0).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("counts phones, uploads sent and acknowledged, and keeps the first 20 errors", () => {
    const s = new SummaryBuilder();
    const events: FleetEvent[] = [
      { type: "ready", phones: 7, sightings: 10 },
      { type: "ready", phones: 5, sightings: 3 },
      { type: "sent", kind: "keys" },
      { type: "sent", kind: "log" },
      { type: "sent", kind: "keys" },
      { type: "acked", uploadId: "upload-a" },
      { type: "acked", uploadId: "upload-b" },
      ...Array.from({ length: 25 }, (_, i): FleetEvent => ({ type: "error", message: `e${i}` })),
    ];
    for (const e of events) s.add(e);
    const sum = s.build({ f1: new Set(), f2: new Set() }, 2.5);
    expect(sum.phones).toBe(12);
    expect(sum.uploads).toEqual({ sent: 3, acknowledged: 2 });
    expect(s.ackedIds).toEqual(["upload-a", "upload-b"]);
    expect(sum.errors).toEqual(Array.from({ length: 20 }, (_, i) => `e${i}`));
    expect(sum.seconds).toBe(2.5);
    expect(sum.latencyMs.lastF1P50).toBe(0);
  });
});
