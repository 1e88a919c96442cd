import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "../../src/bytes.js";
import { nobleCrypto } from "../../src/crypto/noble.js";
import { bluezone } from "../../src/ids/bluezone.js";
import { nativeCrypto, nodeCrypto } from "../../src/node/index.js";
import {
  BASE_ID,
  DAILY_KEYS,
  DAY0_SLOT_95,
  DAY0_SLOTS_0_1_2,
  DAY2_SLOTS_0_1_2,
} from "./fixtures/bluezone.js";

const hexIds = (flat: Uint8Array) =>
  Array.from({ length: flat.length / 12 }, (_, i) => toHex(flat.subarray(12 * i, 12 * i + 12)));

const key32 = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe.each([nobleCrypto, nodeCrypto, nativeCrypto])("Bluezone vectors, $name", (c) => {
  const base = fromHex(BASE_ID);

  it("chains the daily keys", () => {
    for (const [d, key] of DAILY_KEYS.entries())
      expect(toHex(bluezone.dailyKey(base, d, c))).toBe(key);
  });

  it("gives the IDs of day 0 and day 2", () => {
    expect(hexIds(bluezone.ids(base, 0, 0, 3, c))).toEqual([...DAY0_SLOTS_0_1_2]);
    expect(hexIds(bluezone.ids(base, 0, 95, 1, c))).toEqual([DAY0_SLOT_95]);
    const day2 = bluezone.dailyKey(base, 2, c);
    expect(hexIds(bluezone.ids(day2, 0, 0, 3, c))).toEqual([...DAY2_SLOTS_0_1_2]);
  });
});

describe("Bluezone properties", () => {
  it("dailyKey(d+1) = SHA-256(dailyKey(d))", () => {
    fc.assert(
      fc.property(key32, fc.integer({ min: 0, max: 30 }), (base, d) => {
        const next = nobleCrypto.sha256(bluezone.dailyKey(base, d));
        expect(bluezone.dailyKey(base, d + 1)).toEqual(next);
      }),
      { numRuns: 50 },
    );
  });

  it("gives 96 distinct 12-byte IDs a day, any run being the same slice", () => {
    fc.assert(
      fc.property(key32, fc.integer({ min: 0, max: 95 }), fc.nat(96), (key, first, n) => {
        const day = bluezone.ids(key, 0, 0, 96, nodeCrypto);
        expect(day.length).toBe(96 * 12);
        expect(new Set(hexIds(day)).size).toBe(96);
        const count = Math.min(n, 96 - first);
        expect(bluezone.ids(key, 0, first, count)).toEqual(
          day.subarray(first * 12, (first + count) * 12),
        );
      }),
      { numRuns: 30 },
    );
  });

  it("ignores unixDay: IDs depend only on the daily key and the slot", () => {
    fc.assert(
      fc.property(key32, fc.nat(30_000), (key, unixDay) => {
        expect(bluezone.ids(key, unixDay, 0, 4)).toEqual(bluezone.ids(key, 0, 0, 4));
      }),
      { numRuns: 20 },
    );
  });

  it("maps a moment to its UTC day and 15-minute slot", () => {
    fc.assert(
      fc.property(fc.nat(4_000_000_000), (t) => {
        const { unixDay, slot } = bluezone.slotOf(t);
        expect(slot).toBeGreaterThanOrEqual(0);
        expect(slot).toBeLessThan(96);
        const start = unixDay * 86_400 + slot * 900;
        expect(t - start).toBeGreaterThanOrEqual(0);
        expect(t - start).toBeLessThan(900);
      }),
    );
  });

  it("rejects bad keys and slots", () => {
    expect(() => bluezone.dailyKey(new Uint8Array(16), 0)).toThrow(/base ID must be 32 bytes/);
    expect(() => bluezone.dailyKey(new Uint8Array(32), -1)).toThrow(/non-negative integer/);
    expect(() => bluezone.ids(new Uint8Array(32), 0, 90, 7)).toThrow(/exceed the 96/);
  });
});
