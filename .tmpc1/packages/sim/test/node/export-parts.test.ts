import { describe, expect, test } from "vitest";
import { phoneIdOf } from "../../src/core/index.js";
import { asciiBytes, putBytes, putJsonNumber, putUint } from "../../src/node/export/ascii-bytes.js";
import { JsonNumberTexts } from "../../src/node/export/json-number-texts.js";
import { timeOrder } from "../../src/node/export/time-order.js";

/** What a stable sort by timestamp gives (Array.prototype.sort is stable). */
function stableOrder(t: Float64Array): number[] {
  return Array.from({ length: t.length }, (_, i) => i).sort((x, y) => t[x]! - t[y]!);
}

describe("timeOrder: the order of a stable sort by timestamp", () => {
  test("whole seconds with many ties (counting sort)", () => {
    const t = Float64Array.from({ length: 5_000 }, (_, i) => 1_597_708_800 + ((i * 7919) % 301));
    expect([...timeOrder(t, t.length)]).toEqual(stableOrder(t));
  });

  test("fractional and widely spread timestamps (comparison sort)", () => {
    const frac = Float64Array.from({ length: 2_000 }, (_, i) => ((i * 31) % 97) / 4);
    expect([...timeOrder(frac, frac.length)]).toEqual(stableOrder(frac));
    const wide = Float64Array.from({ length: 2_000 }, (_, i) => ((i * 31) % 97) * 1e6);
    expect([...timeOrder(wide, wide.length)]).toEqual(stableOrder(wide));
  });

  test("only the first n values count", () => {
    const t = Float64Array.of(3, 1, 2, 0, 0);
    expect([...timeOrder(t, 3)]).toEqual([1, 2, 0]);
    expect(timeOrder(t, 0)).toHaveLength(0);
  });
});

describe("putJsonNumber and putUint: numbers as JSON.stringify and phoneIdOf write them", () => {
  const text = (write: (buf: Uint8Array) => number) => {
    const buf = new Uint8Array(64);
    return Buffer.from(buf.subarray(0, write(buf))).toString("latin1");
  };

  test("integers, -0, fractions, huge and non-finite values", () => {
    const values = [
      0,
      -0,
      7,
      -12,
      -100,
      1_597_708_800,
      2 ** 31 - 1,
      2 ** 31,
      2 ** 53 - 1,
      -(2 ** 53),
      1e15 - 1,
      1e15,
      1e21,
      -1e21,
      -63.25,
      -58.123456789,
      0.1 + 0.2,
      5e-324,
      -1.2345678901234568e-300,
      Number.MAX_VALUE,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    for (const x of values) expect(text((buf) => putJsonNumber(buf, 0, x))).toBe(JSON.stringify(x));
  });

  test("JsonNumberTexts gives the same text from its table as without it", () => {
    const texts = new JsonNumberTexts();
    // Fractions from a small set, repeated (hits) and many distinct ones (slot collisions).
    const values = Array.from({ length: 50_000 }, (_, i) =>
      i % 2 === 0 ? -40 - (i % 97) / 7 : -1e-7 * i - 0.5,
    );
    values.push(-0, 0, -12, Number.NaN, Number.NaN, 1e21, 1e21, -1.2345678901234568e-300);
    for (const x of [...values, ...values])
      expect(text((buf) => texts.put(buf, 0, x))).toBe(JSON.stringify(x));
  });

  test("zero-padded phone numbers, from the position given", () => {
    for (const a of [0, 7, 123_456_789, 999_999_999, 1_000_000_000, 4_294_967_295, 2 ** 53 - 1]) {
      const line = text((buf) => putUint(buf, putBytes(buf, 0, asciiBytes("phone-")), a, 9));
      expect(line).toBe(phoneIdOf(a));
    }
  });
});
