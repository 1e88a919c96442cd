import { expect, test } from "vitest";
import { ContactRecords, grown } from "../../src/core/index.js";

test("grown keeps the type and the values, and zero-fills the rest", () => {
  const f = grown(Float64Array.of(0.5, -1.25), 4);
  expect(f).toBeInstanceOf(Float64Array);
  expect([...f]).toEqual([0.5, -1.25, 0, 0]);
  const i = grown(Int8Array.of(-128, 127), 3);
  expect(i).toBeInstanceOf(Int8Array);
  expect([...i]).toEqual([-128, 127, 0]);
});

test("contact records grow past their capacity without losing a record", () => {
  const r = new ContactRecords(2);
  for (let n = 0; n < 1000; n++) r.push(n % 7, n, 2 * n, 3 * n);
  expect(r.length).toBe(1000);
  expect(r.a.length).toBeGreaterThanOrEqual(1000);
  for (const n of [0, 1, 2, 511, 999]) {
    expect([r.layer[n], r.a[n], r.b[n], r.k[n]]).toEqual([n % 7, n, 2 * n, 3 * n]);
  }
});
