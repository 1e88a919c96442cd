import { expect, test } from "vitest";
import { ContactRecords, contactsOf, type DayScan, hash2 } from "../../src/core/index.js";
import { forEachPairGroup } from "../../src/core/oracle/pair-groups.js";

/** Random day scans over `agents` agents: repeated pairs, pairs of two people, both orders. */
function randomScans(seed: number, days: number, perDay: number, agents: number): DayScan[] {
  let c = 0;
  const next = (n: number) => hash2(seed, c++) % n;
  return Array.from({ length: days }, (_, day) => {
    const records = new ContactRecords(4);
    for (let i = 0; i < perDay; i++) {
      const a = next(agents);
      let b = next(agents);
      if (b === a) b = (a + 1) % agents;
      records.push(next(5), a, b, next(1_000_000));
    }
    return { day, pairsByLayer: [], records };
  });
}

test("pair groups: the same pairs, in the same order, with the same contacts as contactsOf", () => {
  for (const [seed, people, perDay, agents] of [
    [1, 40, 3_000, 500],
    [2, 500, 2_000, 100_000],
    [3, 300, 20_000, 2_000],
    // Nearly everyone a person: two entries a record and more pairs than first made room for.
    [4, 10_000, 5_000, 1_000],
  ] as const) {
    const scans = randomScans(seed, 7, perDay, agents);
    const set = new Set(Array.from({ length: people }, (_, i) => hash2(seed ^ 77, i) % agents));
    const want: unknown[] = [];
    for (const [person, byPartner] of contactsOf(set, scans)) {
      want.push(["person", person]);
      for (const [partner, list] of byPartner) want.push([person, partner, structuredClone(list)]);
    }
    const got: unknown[] = [];
    forEachPairGroup(
      set,
      scans,
      (person) => got.push(["person", person]),
      (person, partner, list) => got.push([person, partner, structuredClone(list)]),
    );
    expect(got.length).toBeGreaterThan(people);
    expect(got).toEqual(want);
  }
});
