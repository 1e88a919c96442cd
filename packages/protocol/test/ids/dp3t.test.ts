import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "../../src/bytes.js";
import { nobleCrypto } from "../../src/crypto/noble.js";
import { dp3t } from "../../src/ids/dp3t.js";
import { nativeCrypto, nodeCrypto } from "../../src/node/index.js";
import { EPHIDS_KEY1, KEY0, KEY1, KEY2 } from "./fixtures/dp3t-lowcost.js";

describe.each([nobleCrypto, nodeCrypto, nativeCrypto])("DP-3T low-cost vectors, $name", (c) => {
  it("chains the published day keys", () => {
    const key0 = fromHex(KEY0);
    expect(toHex(dp3t.dailyKey(key0, 0, c))).toBe(KEY0);
    expect(toHex(dp3t.dailyKey(key0, 1, c))).toBe(KEY1);
    expect(toHex(dp3t.dailyKey(key0, 2, c))).toBe(KEY2);
  });

  it("gives the published first EphIDs of KEY1", () => {
    const ids = dp3t.ids(fromHex(KEY1), 0, 0, 3, c);
    expect([0, 1, 2].map((i) => toHex(ids.subarray(16 * i, 16 * i + 16)))).toEqual([
      ...EPHIDS_KEY1,
    ]);
  });
});

describe("DP-3T scheme", () => {
  it("gives any run of epochs as the same slice of the day", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.integer({ min: 0, max: 95 }),
        fc.integer({ min: 0, max: 96 }),
        (sk, first, n) => {
          const count = Math.min(n, 96 - first);
          const day = dp3t.ids(sk, 0, 0, 96);
          expect(dp3t.ids(sk, 0, first, count, nodeCrypto)).toEqual(
            day.subarray(first * 16, (first + count) * 16),
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});
