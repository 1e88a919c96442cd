import type { LogEntry } from "@tracebed/protocol";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CompactLog, mergeLogs } from "../src/store/common/compact-log.js";

const W = 12; // Bluezone's ID bytes
const T0 = 1_700_000_000;

// Small domains, so that arbitrary logs share entries and differ in one field only.
const idArb = fc.constantFrom(
  ...[1, 2, 3, 0xff].map((b) => b.toString(16).padStart(2, "0").repeat(W)),
);
const entryArb: fc.Arbitrary<LogEntry> = fc.record({
  ownId: idArb,
  contactId: idArb,
  rssi: fc.constantFrom(-60, -61, -127, 20),
  txPower: fc.constantFrom(-8, 0, -0),
  timestamp: fc.integer({ min: T0, max: T0 + 20 }),
});
/** Mostly integer dBm (a real phone's), sometimes a fractional one (an ideal sighting). */
const logArb = fc.oneof(
  { weight: 3, arbitrary: fc.array(entryArb, { maxLength: 40 }) },
  fc.array(
    fc.oneof(
      entryArb,
      entryArb.map((e) => ({ ...e, rssi: e.rssi + 0.25 })),
    ),
    { maxLength: 40 },
  ),
);
const sinceArb = fc.integer({ min: T0 - 1, max: T0 + 21 });

const keyOf = (e: LogEntry) =>
  [e.timestamp, e.contactId, e.ownId, e.rssi + 0, e.txPower + 0].join("|");

/** The model: the distinct entries at or after `since`, in the stored order. */
function model(entries: readonly LogEntry[], since = 0): LogEntry[] {
  const byKey = new Map<string, LogEntry>();
  for (const e of entries) {
    if (e.timestamp >= since)
      byKey.set(keyOf(e), { ...e, rssi: e.rssi + 0, txPower: e.txPower + 0 });
  }
  return [...byKey.values()].sort(
    (x, y) =>
      x.timestamp - y.timestamp ||
      cmp(x.contactId, y.contactId) ||
      cmp(x.ownId, y.ownId) ||
      x.rssi - y.rssi ||
      x.txPower - y.txPower,
  );
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compact = (entries: readonly LogEntry[]) => CompactLog.fromEntries(entries, W);

describe("CompactLog", () => {
  it("stores the distinct entries, sorted, and gives them back exactly", () => {
    fc.assert(
      fc.property(logArb, (es) => {
        expect(compact(es).toEntries()).toEqual(model(es));
      }),
    );
  });

  it("merges into the set union without the entries older than `since`", () => {
    fc.assert(
      fc.property(logArb, logArb, sinceArb, (a, extra, since) => {
        const b = [...extra, ...a.filter((_, i) => i % 2 === 0)]; // a re-upload, overlapping
        const merged = mergeLogs(compact(a), compact(b), since);
        expect(merged.toEntries()).toEqual(model([...a, ...b], since));
        // Canonical: the same entries, the same bytes, however they were put together.
        expect(merged.bytes).toEqual(compact(model([...a, ...b], since)).bytes);
      }),
    );
  });

  it("merges commutatively and idempotently", () => {
    fc.assert(
      fc.property(logArb, logArb, sinceArb, (a, b, since) => {
        const [x, y] = [compact(a), compact(b)];
        const xy = mergeLogs(x, y, since);
        expect(mergeLogs(y, x, since).bytes).toEqual(xy.bytes);
        expect(mergeLogs(xy, y, since).bytes).toEqual(xy.bytes);
        expect(mergeLogs(xy, xy, since).bytes).toEqual(xy.bytes);
      }),
    );
  });

  it("prunes exactly the entries older than `since`", () => {
    fc.assert(
      fc.property(logArb, sinceArb, (a, since) => {
        const pruned = mergeLogs(compact(a), CompactLog.empty(W), since).toEntries();
        expect(pruned).toEqual(
          compact(a)
            .toEntries()
            .filter((e) => e.timestamp >= since),
        );
      }),
    );
  });

  it("reads its bytes back from any alignment and refuses bytes that are not a log", () => {
    fc.assert(
      fc.property(logArb, fc.integer({ min: 0, max: 7 }), (a, shift) => {
        const log = compact(a);
        const unaligned = new Uint8Array(log.bytes.length + shift).subarray(shift);
        unaligned.set(log.bytes);
        expect(CompactLog.fromBytes(unaligned).toEntries()).toEqual(log.toEntries());
      }),
    );
    const bytes = compact([entry(1)]).bytes;
    expect(() => CompactLog.fromBytes(bytes.subarray(0, bytes.length - 1))).toThrow(/entries/);
    expect(() => CompactLog.fromBytes(new Uint8Array([2, 12, 0, 0, 0, 0, 0, 0]))).toThrow(
      /not a compact log/,
    );
  });

  it("costs 4 + 2 × ID bytes + 2 bytes an entry, 14 more with fractional dBm", () => {
    const es = Array.from({ length: 100 }, (_, i) => entry(i));
    expect(compact(es).bytes.length).toBe(8 + 100 * 30);
    const ideal = es.map((e) => ({ ...e, rssi: e.rssi - 0.125 }));
    expect(compact(ideal).bytes.length).toBe(8 + 100 * 44);
    expect(compact(ideal).toEntries()).toEqual(ideal);
  });

  it("refuses IDs of another length", () => {
    expect(() => compact([{ ...entry(1), ownId: "ab".repeat(16) }])).toThrow(/not 12 bytes/);
    expect(() => mergeLogs(CompactLog.empty(12), CompactLog.empty(16), 0)).toThrow(/merge/);
  });
});

function entry(i: number): LogEntry {
  return {
    ownId: "0a".repeat(W),
    contactId: (i % 256).toString(16).padStart(2, "0").repeat(W),
    rssi: -60,
    txPower: -8,
    timestamp: T0 + i,
  };
}
