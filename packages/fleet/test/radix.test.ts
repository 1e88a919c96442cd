import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orderByKey } from "../src/radix.js";

describe("orderByKey", () => {
  it("is a stable sort of the indices by their 32-bit keys", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.nat({ max: 0xffffffff })), {
          maxLength: 300,
        }),
        (keys) => {
          const order = Array.from(orderByKey(Uint32Array.from(keys)));
          const want = keys.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
          expect(order).toEqual(want);
        },
      ),
    );
  });
});
