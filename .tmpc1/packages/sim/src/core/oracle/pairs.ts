import type { PairContact } from "../ble/evidence.js";
import { type DayScan, type Engine, scanDay } from "../engine.js";

/** The contacts of one person with each partner, gathered from day scans. */
export type ContactsByPartner = Map<number, PairContact[]>;

/**
 * For each person in `people`, the contacts with each partner found in the scans (which must
 * have flagged these people).
 */
export function contactsOf(
  people: ReadonlySet<number>,
  scans: readonly DayScan[],
): Map<number, ContactsByPartner> {
  const out = new Map<number, ContactsByPartner>();
  for (const p of people) out.set(p, new Map());
  const add = (byPartner: ContactsByPartner, partner: number, c: PairContact) => {
    const list = byPartner.get(partner);
    if (list) list.push(c);
    else byPartner.set(partner, [c]);
  };
  for (const scan of scans) {
    const r = scan.records;
    for (let i = 0; i < r.length; i++) {
      const a = r.a[i]!;
      const b = r.b[i]!;
      const ofA = out.get(a);
      const ofB = out.get(b);
      if (ofA === undefined && ofB === undefined) continue;
      const c = { day: scan.day, layer: r.layer[i]!, k: r.k[i]! };
      if (ofA !== undefined) add(ofA, b, c);
      if (ofB !== undefined) add(ofB, a, c);
    }
  }
  return out;
}

/** Each of `people`'s contacts with each partner over the run's days (scanned inline). */
export function contactsAround(
  engine: Engine,
  people: ReadonlySet<number>,
): Map<number, ContactsByPartner> {
  const flagged = new Uint8Array(engine.population.size);
  for (const i of people) flagged[i] = 1;
  const scans: DayScan[] = [];
  for (let d = 0; d < engine.config.days; d++) scans.push(scanDay(engine, d, flagged));
  return contactsOf(people, scans);
}
