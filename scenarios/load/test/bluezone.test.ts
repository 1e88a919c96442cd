import { createHash, randomBytes } from "node:crypto";
import { bluezone, fromHex as protocolFromHex, toHex as protocolToHex } from "@tracebed/protocol";
import { describe, expect, it } from "vitest";
import {
  bluezoneIdsOfDay,
  fromHex,
  hits,
  indexWindow,
  pushedIds,
  type Sha256,
  SLOT_SECONDS,
  toHex,
} from "../lib/bluezone.ts";

const sha256: Sha256 = (d) => new Uint8Array(createHash("sha256").update(d).digest());
const DAY = 86_400;

describe("Bluezone IDs without the protocol package", () => {
  it("are the protocol's IDs, slot by slot", () => {
    for (let i = 0; i < 5; i++) {
      const key = new Uint8Array(randomBytes(32));
      const ours = bluezoneIdsOfDay(key, sha256);
      const theirs = bluezone.ids(key, 18_500, 0, 96);
      expect(ours).toHaveLength(96);
      for (let slot = 0; slot < 96; slot++) {
        expect(ours[slot]).toBe(protocolToHex(theirs.subarray(slot * 12, slot * 12 + 12)));
      }
    }
  });

  it("hex round-trips like the protocol's", () => {
    const hex = toHex(new Uint8Array(randomBytes(20)));
    expect(toHex(fromHex(hex))).toBe(hex);
    expect(fromHex(hex)).toEqual(protocolFromHex(hex));
    expect(() => fromHex("abc")).toThrow();
  });
});

describe("matching a push against a phone's log", () => {
  const day = 19_000;
  const windowEnd = (day + 1) * DAY - 3600; // 23:00 UTC on `day`
  const keyOf = (d: number) => toHex(sha256(new TextEncoder().encode(`key ${d}`)));
  const push = {
    windowEnd,
    keys: [day - 1, day].map((d) => ({ unixDay: d, key: keyOf(d) })),
  };
  const ids = pushedIds(push, sha256);
  const idAt = (d: number, slot: number) => bluezoneIdsOfDay(fromHex(keyOf(d)), sha256)[slot]!;

  it("derives 96 IDs per pushed key", () => {
    expect(ids.size).toBe(2 * 96);
  });

  it("counts a sighting only in its ID's slot and inside the window", () => {
    const t = day * DAY + 10 * SLOT_SECONDS + 5;
    expect(hits([{ contactId: idAt(day, 10), timestamp: t }], ids, windowEnd)).toBe(1);
    // The right ID heard in the next slot: not a hit.
    expect(hits([{ contactId: idAt(day, 10), timestamp: t + SLOT_SECONDS }], ids, windowEnd)).toBe(
      0,
    );
    // After the window's end (23:00): not a hit.
    const late = day * DAY + 95 * SLOT_SECONDS + 1;
    expect(hits([{ contactId: idAt(day, 95), timestamp: late }], ids, windowEnd)).toBe(0);
    // The day before, slot 0: a hit; an unknown ID: none.
    expect(
      hits(
        [
          { contactId: idAt(day - 1, 0), timestamp: (day - 1) * DAY },
          { contactId: "00".repeat(12), timestamp: t },
        ],
        ids,
        windowEnd,
      ),
    ).toBe(1);
  });

  it("uses the protocol's window: 14 UTC days up to the end", () => {
    expect(indexWindow(windowEnd)).toEqual({ start: (day - 13) * DAY, end: windowEnd });
    expect(indexWindow((day + 1) * DAY)).toEqual({ start: (day - 13) * DAY, end: (day + 1) * DAY });
  });
});
