import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FleetEvent } from "../src/events.js";
import { ExposureLedger, matchedIndexIds, notifiedEvent } from "../src/exposures.js";
import { PushMatches } from "../src/push-matches.js";
import { smallRun } from "./small-run.js";

describe("ExposureLedger", () => {
  it("names each index person once per phone, in the first frame that matched it", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            phone: fc.constantFrom("phone-aaaa", "phone-bbbb", "phone-cccc"),
            matched: fc.array(fc.constantFrom("index-1x", "index-2x", "index-3x", "index-4x")),
          }),
        ),
        (frames) => {
          const ledger = new ExposureLedger();
          const named = frames.map((f) => ledger.firstNamed(f.phone, f.matched));
          for (const phone of new Set(frames.map((f) => f.phone))) {
            const mine = frames.flatMap((f, i) => (f.phone === phone ? [i] : []));
            const all = mine.flatMap((i) => named[i]!);
            expect(new Set(all).size).toBe(all.length);
            expect(new Set(all)).toEqual(new Set(mine.flatMap((i) => frames[i]!.matched)));
            // The first frame that matched an index person is the one that names it.
            for (const indexId of all) {
              const first = mine.find((i) => (frames[i]!.matched as string[]).includes(indexId))!;
              expect(named[first]).toContain(indexId);
            }
          }
        },
      ),
    );
  });
});

describe("key push frames", () => {
  it("match a phone to the index persons whose keys it heard; bad frames and pushes are errors", async () => {
    const run = await smallRun();
    const { outbreak, phoneOfAgent, logs, pushOf } = run;
    const f0 = outbreak.sets.f0.map((a) => phoneOfAgent[a]!).filter((p) => p >= 0);
    const matches = new PushMatches(logs, 14, () => true);
    const pushes = f0.map((p, k) => pushOf(p, k + 1, `index-${k + 1}-x`));
    const hitsOf = pushes.map((push) => matches.arrived(push).hits);
    const phone = [...hitsOf.flatMap((h) => [...h])][0];
    expect(phone).toBeDefined();
    const errors: FleetEvent[] = [];
    const emit = (e: FleetEvent) => errors.push(e);
    const frame = [...pushes, { seq: 999, indexId: "bad" }];
    const got = matchedIndexIds(frame, phone!, matches, emit);
    expect(got).toEqual(pushes.filter((_, k) => hitsOf[k]!.has(phone!)).map((p) => p.indexId));
    expect(errors).toHaveLength(1);
    expect(matchedIndexIds({ not: "a frame" }, phone!, matches, emit)).toEqual([]);
    expect(errors).toHaveLength(2);
    expect(errors.every((e) => e.type === "error" && e.message.startsWith("key-pushes"))).toBe(
      true,
    );
  });

  it("are matched once per push, and only against this process's phones", async () => {
    const { outbreak, phoneOfAgent, logs, pushOf } = await smallRun();
    const p = outbreak.sets.f0.map((a) => phoneOfAgent[a]!).find((x) => x >= 0)!;
    const push = pushOf(p, 1, "index-once-x");
    const all = new PushMatches(logs, 14, () => true).arrived(push);
    const odd = new PushMatches(logs, 14, (q) => q % 2 === 1);
    const first = odd.arrived(push);
    expect(odd.arrived({ seq: 1 })).toBe(first);
    expect([...first.hits].sort()).toEqual([...all.hits].filter((q) => q % 2 === 1).sort());
  });
});

describe("notifiedEvent", () => {
  it("turns a valid notification into the run's event and ignores anything else", () => {
    const note = {
      notificationId: "note-0001",
      role: "F2",
      indexId: "index-0001",
      bestDay: 20_000,
      exposureDay: 20_000,
      closeSeconds: 900,
      notifiedAt: 1_728_000_000,
    };
    expect(notifiedEvent(note, 42, 1234)).toEqual({
      type: "notified",
      agent: 42,
      role: "F2",
      indexId: "index-0001",
      at: 1234,
    });
    expect(notifiedEvent({ ...note, role: "F0" }, 42, 1234)).toBeNull();
    expect(notifiedEvent("F1", 42, 1234)).toBeNull();
  });
});
