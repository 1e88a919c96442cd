import { createHash } from "node:crypto";
import {
  f0CodeRequestSchema,
  f0RedeemRequestSchema,
  idempotencyKeySchema,
  keyUploadSchema,
  logUploadSchema,
  opaqueIdSchema,
  parseMessage,
} from "@tracebed/protocol";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bluezoneIdsOfDay, fromHex, hits, pushedIds, type Sha256, toHex } from "../lib/bluezone.ts";
import {
  dayShift,
  f0CodeRequest,
  idempotencyKey,
  joinExport,
  type KeysRow,
  keysWithin,
  type LogRow,
  type PhoneRow,
  parseNdjson,
  redeemRequest,
  shiftKeys,
  shiftLog,
  taggedPhoneId,
  uploadsOf,
} from "../lib/payloads.ts";

const sha256: Sha256 = (d) => new Uint8Array(createHash("sha256").update(d).digest());
const DAY = 86_400;
const keyOf = (phone: string, d: number) =>
  toHex(sha256(new TextEncoder().encode(`${phone} ${d}`)));
const idOf = (phone: string, t: number) =>
  bluezoneIdsOfDay(fromHex(keyOf(phone, Math.floor(t / DAY))), sha256)[
    Math.floor((t % DAY) / 900)
  ]!;

// A small export as `tracebed export` writes it: two phones of 2020 that met.
const firstDay = 18_478;
const lastDay = 18_481;
const phonesRows: PhoneRow[] = ["phone-000000001", "phone-000000002"].map((phoneId, agent) => ({
  phoneId,
  agent,
  region: "r",
  ageBand: "30-49",
  platform: "android",
  installUnixDay: firstDay,
  groups: [],
  f0: agent === 0,
}));
const keysRows: KeysRow[] = phonesRows.map((p) => ({
  phoneId: p.phoneId,
  scheme: "bluezone",
  keys: Array.from({ length: lastDay - firstDay + 1 }, (_, i) => ({
    unixDay: firstDay + i,
    key: keyOf(p.phoneId, firstDay + i),
  })),
}));
const meetings = [0, 300, 600, 900].map((s) => (firstDay + 2) * DAY + 8 * 3600 + s);
const logRows: LogRow[] = meetings.flatMap((t) => [
  {
    phoneId: "phone-000000002",
    ownId: idOf("phone-000000002", t),
    contactId: idOf("phone-000000001", t),
    rssi: -60,
    txPower: -7,
    timestamp: t,
  },
]);
const windowEnd = lastDay * DAY + 17 * 3600;
const ndjson = (rows: unknown[]) => `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`;

describe("reading an export", () => {
  it("parses NDJSON and names the bad line", () => {
    expect(parseNdjson(ndjson(phonesRows))).toEqual(phonesRows);
    expect(() => parseNdjson('{"a":1}\n{oops\n')).toThrow("line 2: not JSON");
  });

  it("joins phones, keys and logs per phone, logs in time order", () => {
    const reversed = [...logRows].reverse();
    const phones = joinExport(phonesRows, keysRows, reversed);
    expect(phones.map((p) => p.phoneId)).toEqual(["phone-000000001", "phone-000000002"]);
    expect(phones[0]).toMatchObject({ f0: true, log: [] });
    expect(phones[0]!.keys).toHaveLength(4);
    expect(phones[1]!.log.map((e) => e.timestamp)).toEqual(meetings);
    expect(phones[1]!.log[0]).not.toHaveProperty("phoneId");
  });
});

describe("moving a run onto the wall clock", () => {
  it("shifts by whole days so the window ends at most a day before now", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_600_000_000, max: 1_700_000_000 }),
        fc.integer({ min: 0, max: 3_000 * DAY }),
        (end, ahead) => {
          const now = end + ahead;
          const d = dayShift(end, now);
          const shifted = end + d * DAY;
          return Number.isInteger(d) && shifted <= now && now - shifted < DAY;
        },
      ),
    );
  });

  it("keeps every sighting in its ID's slot: the shifted push still matches the shifted log", () => {
    const [f0, contact] = joinExport(phonesRows, keysRows, logRows);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000 }), (d) => {
        const push = { windowEnd: windowEnd + d * DAY, keys: shiftKeys(f0!.keys, d) };
        return hits(shiftLog(contact!.log, d), pushedIds(push, sha256), push.windowEnd) === 4;
      }),
      { numRuns: 20 },
    );
    // Unshifted keys against a shifted log: nothing.
    const push = { windowEnd: windowEnd + 7 * DAY, keys: f0!.keys };
    expect(hits(shiftLog(contact!.log, 7), pushedIds(push, sha256), push.windowEnd)).toBe(0);
  });

  it("keeps the keys of the 14 days up to the window's end", () => {
    const keys = Array.from({ length: 20 }, (_, i) => ({ unixDay: 100 + i, key: "00" }));
    const kept = keysWithin(keys, 115 * DAY + 5);
    expect(kept.map((k) => k.unixDay)).toEqual(Array.from({ length: 14 }, (_, i) => 102 + i));
  });
});

describe("what the scripts send is what the matcher accepts", () => {
  it("phone ids and idempotency keys fit the protocol's rules", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (tag, id) => {
        parseMessage(opaqueIdSchema, taggedPhoneId(tag, id));
        parseMessage(idempotencyKeySchema, idempotencyKey([tag, id, 3]));
        return true;
      }),
    );
    expect(taggedPhoneId("k6abc", "phone-000000001")).toBe("k6abc-phone-000000001");
  });

  it("F0 uploads and exposure uploads pass the protocol's schemas, shifted onto today", () => {
    const [f0, contact] = joinExport(phonesRows, keysRows, logRows);
    const now = Math.floor(Date.now() / 1000);
    const d = dayShift(windowEnd, now);
    const end = windowEnd + d * DAY;
    const a = uploadsOf(
      f0!,
      "k6t-phone-000000001",
      d,
      end,
      { kind: "f0", uploadToken: "t".repeat(32) },
      "k6t-f0-1",
    );
    parseMessage(keyUploadSchema, a.keys);
    parseMessage(logUploadSchema, a.log);
    expect(a.keys.keys.map((k) => k.unixDay)).toEqual(
      [18_478, 18_479, 18_480, 18_481].map((x) => x + d),
    );
    const b = uploadsOf(
      contact!,
      "k6t-phone-000000002",
      d,
      now,
      { kind: "exposure", indexIds: ["index-0001"] },
      "k6t-x-1",
    );
    parseMessage(keyUploadSchema, b.keys);
    parseMessage(logUploadSchema, b.log);
    expect(b.log.log.map((e) => e.timestamp)).toEqual(meetings.map((t) => t + d * DAY));
    expect(b.keys.idempotencyKey).not.toBe(b.log.idempotencyKey);
    parseMessage(f0CodeRequestSchema, f0CodeRequest("k6 run #1 case 17", end));
    parseMessage(f0RedeemRequestSchema, redeemRequest("0123456789", "k6t-phone-000000001"));
  });
});
