import type { PairContact } from "../ble/evidence.js";
import type { DayScan } from "../engine.js";
import { grown } from "../grown.js";

/** Receives one (person, partner) pair's contacts, in scan order (valid during the call only). */
export type PairGroupVisitor = (
  person: number,
  partner: number,
  contacts: readonly PairContact[],
) => void;

/**
 * For each person in `people` (in its order), `onPerson`, then each partner found in the
 * scans (which must have flagged these people) in the order the partner first appears, with
 * the pair's contacts: the same pairs, in the same order, as the maps of `contactsOf`. The
 * contacts are gathered in typed arrays (one open-addressing table of pairs, no object or map
 * per contact), so a dense second pass — most of a small run's contacts touch an F1 — leaves
 * little garbage; the lists handed over are reused from pair to pair.
 */
export function forEachPairGroup(
  people: ReadonlySet<number>,
  scans: readonly DayScan[],
  onPerson: (person: number) => void,
  onPair: PairGroupVisitor,
): void {
  const rank = new Map<number, number>();
  let top = 0;
  for (const p of people) {
    rank.set(p, rank.size);
    if (p > top) top = p;
  }
  // One bit per agent up to the largest person: most records touch no person in the first
  // pass, and the bit answers before the map is asked.
  const isPerson = new Int32Array((top >>> 5) + 1);
  for (const p of people) isPerson[p >>> 5]! |= 1 << (p & 31);
  const member = (x: number) => x <= top && (isPerson[x >>> 5]! & (1 << (x & 31))) !== 0;
  // Room for two entries a record: a second pass is dense (most records touch a person, many
  // both); a first pass holds few records.
  let room = 1024;
  for (const scan of scans) room += 2 * scan.records.length;
  const groups = new PairTable(room >>> 2);
  let eGroup = new Int32Array(room);
  let eDay = new Int32Array(room);
  let eLayer = new Uint8Array(room);
  let eK = new Uint32Array(room);
  let entries = 0;
  const add = (person: number, personRank: number, partner: number, s: number, i: number) => {
    if (entries === eGroup.length) {
      const n = 2 * entries;
      eGroup = grown(eGroup, n);
      eDay = grown(eDay, n);
      eLayer = grown(eLayer, n);
      eK = grown(eK, n);
    }
    const r = scans[s]!.records;
    eGroup[entries] = groups.groupOf(person, personRank, partner);
    eDay[entries] = scans[s]!.day;
    eLayer[entries] = r.layer[i]!;
    eK[entries] = r.k[i]!;
    entries++;
  };
  for (let s = 0; s < scans.length; s++) {
    const r = scans[s]!.records;
    for (let i = 0; i < r.length; i++) {
      const a = r.a[i]!;
      const b = r.b[i]!;
      if (member(a)) add(a, rank.get(a)!, b, s, i);
      if (member(b)) add(b, rank.get(b)!, a, s, i);
    }
  }
  // Entries by group (stable: scan order inside a group), groups by person rank (stable:
  // first appearance inside a person).
  const g = groups.size;
  const gStart = new Int32Array(g + 1);
  for (let e = 0; e < entries; e++) gStart[eGroup[e]! + 1]!++;
  for (let x = 0; x < g; x++) gStart[x + 1]! += gStart[x]!;
  const fill = gStart.slice(0, g);
  const order = new Int32Array(entries);
  for (let e = 0; e < entries; e++) order[fill[eGroup[e]!]!++] = e;
  const rStart = new Int32Array(rank.size + 1);
  for (let x = 0; x < g; x++) rStart[groups.rank[x]! + 1]!++;
  for (let x = 0; x < rank.size; x++) rStart[x + 1]! += rStart[x]!;
  const rFill = rStart.slice(0, rank.size);
  const byRank = new Int32Array(g);
  for (let x = 0; x < g; x++) byRank[rFill[groups.rank[x]!]!++] = x;

  const lists = new ContactLists();
  let pr = 0;
  for (const p of people) {
    onPerson(p);
    for (let j = rStart[pr]!; j < rStart[pr + 1]!; j++) {
      const x = byRank[j]!;
      const from = gStart[x]!;
      const list = lists.of(gStart[x + 1]! - from);
      for (let c = 0; c < list.length; c++) {
        const e = order[from + c]!;
        const pc = list[c]!;
        pc.day = eDay[e]!;
        pc.layer = eLayer[e]!;
        pc.k = eK[e]!;
      }
      onPair(p, groups.partner[x]!, list);
    }
    pr++;
  }
}

/** Reused lists of contact objects, one list per length. */
class ContactLists {
  private readonly byLength: PairContact[][] = [];

  of(n: number): PairContact[] {
    let list = this.byLength[n];
    if (list === undefined) {
      list = Array.from({ length: n }, () => ({ day: 0, layer: 0, k: 0 }));
      this.byLength[n] = list;
    }
    return list;
  }
}

/** (person, partner) → group number, numbered in order of first appearance. */
class PairTable {
  size = 0;
  person: Int32Array;
  partner: Int32Array;
  rank: Int32Array;
  private slots: Int32Array;

  /** Room for `expected` groups before the first rehash. */
  constructor(expected: number) {
    const n = Math.max(1024, expected);
    this.person = new Int32Array(n);
    this.partner = new Int32Array(n);
    this.rank = new Int32Array(n);
    this.slots = new Int32Array(2 ** Math.ceil(Math.log2(2 * n))).fill(-1);
  }

  groupOf(person: number, personRank: number, partner: number): number {
    let mask = this.slots.length - 1;
    let i = slotHash(person, partner) & mask;
    for (;;) {
      const x = this.slots[i]!;
      if (x < 0) break;
      if (this.person[x] === person && this.partner[x] === partner) return x;
      i = (i + 1) & mask;
    }
    const x = this.size++;
    if (x === this.person.length) {
      this.person = grown(this.person, 2 * x);
      this.partner = grown(this.partner, 2 * x);
      this.rank = grown(this.rank, 2 * x);
    }
    this.person[x] = person;
    this.partner[x] = partner;
    this.rank[x] = personRank;
    if (2 * this.size > this.slots.length) {
      this.rehash();
      mask = this.slots.length - 1;
      i = slotHash(person, partner) & mask;
      while (this.slots[i]! >= 0) i = (i + 1) & mask;
    }
    this.slots[i] = x;
    return x;
  }

  private rehash(): void {
    const slots = new Int32Array(2 * this.slots.length).fill(-1);
    const mask = slots.length - 1;
    // Every group but the newest (the caller places it).
    for (let x = 0; x + 1 < this.size; x++) {
      let i = slotHash(this.person[x]!, this.partner[x]!) & mask;
      while (slots[i]! >= 0) i = (i + 1) & mask;
      slots[i] = x;
    }
    this.slots = slots;
  }
}

function slotHash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca6b);
  h ^= h >>> 16;
  return Math.imul(h, 0x7feb352d) ^ (h >>> 15);
}
