import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideWith, type IndexPerson, type Person } from "../../src/decide/decide.js";
import type { Sighting } from "../../src/decide/evidence.js";
import { buildIdTable } from "../../src/decide/id-table.js";
import { DEFAULT_DECISION_PARAMS as P } from "../../src/decide/params.js";
import { DAY, DAY0, keysOf, sighting } from "./helpers.js";
import { toyIdAt, toyScheme } from "./toy-scheme.js";

const I = 1;
const C = 2;
const X = 3;
const WINDOW_END = DAY0 + 12 * 3600;
const WINDOW_START = DAY0 - 13 * DAY;
const tables = {
  [I]: buildIdTable(keysOf(I), toyScheme),
  [C]: buildIdTable(keysOf(C), toyScheme),
};

/** A sighting in the making: who logs it, whom it hears, when, how far, which slot's ID. */
interface Spec {
  inIndexLog: boolean;
  stranger: boolean;
  t: number;
  cm: number;
  slotSkew: number;
}

// Anchors near the edges that matter: window start, a midnight, a plain afternoon, window end.
const ANCHORS = [
  WINDOW_START - 900,
  DAY0 - 3 * DAY - 1_200,
  DAY0 - 5 * DAY + 14 * 3600,
  WINDOW_END - 1_200,
];
// Offsets from the anchors that land on or next to an edge (window start, midnight, window end).
const EDGES = fc.constantFrom(899, 900, 901, 1_199, 1_200, 1_201);
const specArb: fc.Arbitrary<Spec> = fc.record({
  inIndexLog: fc.boolean(),
  stranger: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  t: fc
    .tuple(fc.constantFrom(...ANCHORS), fc.oneof(fc.integer({ min: 0, max: 2_400 }), EDGES))
    .map(([a, o]) => a + o),
  cm: fc.oneof(fc.integer({ min: 30, max: 400 }), fc.constant(200)),
  slotSkew: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, fc.constantFrom(-1, 1)),
});

function toSighting(s: Spec): Sighting {
  const heard = s.stranger ? X : s.inIndexLog ? C : I;
  const base = sighting(heard, s.t, s.cm / 100);
  return s.slotSkew === 0 ? base : { ...base, contactId: toyIdAt(heard, s.t + s.slotSkew * 900) };
}

function logs(specs: Spec[]): { iLog: Sighting[]; cLog: Sighting[] } {
  const iLog: Sighting[] = [];
  const cLog: Sighting[] = [];
  for (const s of specs) (s.inIndexLog ? iLog : cLog).push(toSighting(s));
  return { iLog, cLog };
}

function run(iLog: Sighting[], cLog: Sighting[]) {
  const index: IndexPerson = { ids: tables[I], log: iLog, windowEnd: WINDOW_END };
  const candidate: Person = { ids: tables[C], log: cLog };
  return decideWith(index, tables[I], candidate, tables[C], P);
}

/** docs/PROTOCOL.md's rules restated naively, to check the composed implementation. */
function reference(specs: Spec[]) {
  const close = new Map<number, Set<number>>();
  let evidenceCount = 0;
  for (const s of specs) {
    if (s.stranger || s.slotSkew !== 0 || s.t < WINDOW_START || s.t >= WINDOW_END) continue;
    evidenceCount++;
    if (s.cm > 200) continue;
    const day = Math.floor(s.t / DAY);
    if (!close.has(day)) close.set(day, new Set());
    close.get(day)!.add(Math.floor(s.t / 300));
  }
  const days = [...close.keys()].sort((a, b) => a - b);
  const byDay = days.map((day) => [day, close.get(day)!.size * 300] as const);
  return {
    contact: byDay.some(([, seconds]) => seconds >= 900),
    closeSecondsByDay: byDay,
    closePeriods: byDay.reduce((n, [, seconds]) => n + seconds / 300, 0),
    evidenceCount,
  };
}

const specsArb = fc.array(specArb, { maxLength: 40 });

describe("decide: properties", () => {
  it("agrees with a naive restatement of the rules", () => {
    fc.assert(
      fc.property(specsArb, (specs) => {
        const { iLog, cLog } = logs(specs);
        const r = run(iLog, cLog);
        const ref = reference(specs);
        expect({
          ...r,
          closeSecondsByDay: [...r.closeSecondsByDay],
          bestDay: undefined,
          firstContactDay: undefined,
        }).toEqual({ ...ref, bestDay: undefined, firstContactDay: undefined });
        // The exposure day: the earliest day whose close seconds reach the minimum.
        const days = ref.closeSecondsByDay.filter(([, s]) => s >= P.minCloseSeconds);
        expect(r.firstContactDay).toBe(days.length > 0 ? Math.min(...days.map(([d]) => d)) : null);
      }),
      { numRuns: 500 },
    );
  });

  it("never turns a contact into a non-contact when sightings are added", () => {
    fc.assert(
      fc.property(specsArb, specsArb, (specs, more) => {
        const before = logs(specs);
        const after = logs([...specs, ...more]);
        const r0 = run(before.iLog, before.cLog);
        const r1 = run(after.iLog, after.cLog);
        if (r0.contact) expect(r1.contact).toBe(true);
        expect(r1.closePeriods).toBeGreaterThanOrEqual(r0.closePeriods);
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on log order", () => {
    fc.assert(
      fc.property(
        specsArb.chain((specs) =>
          fc.tuple(fc.constant(specs), fc.shuffledSubarray(specs, { minLength: specs.length })),
        ),
        ([specs, shuffled]) => {
          const a = logs(specs);
          const b = logs(shuffled);
          expect(run(b.iLog, b.cLog)).toEqual(run(a.iLog, a.cLog));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("does not depend on which side logged a sighting", () => {
    fc.assert(
      fc.property(
        specsArb,
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (specs, flips) => {
          const mirrored = specs.map((s, k) =>
            flips[k] ? { ...s, inIndexLog: !s.inIndexLog } : s,
          );
          const a = logs(specs);
          const b = logs(mirrored);
          expect(run(b.iLog, b.cLog)).toEqual(run(a.iLog, a.cLog));
        },
      ),
      { numRuns: 300 },
    );
  });
});
