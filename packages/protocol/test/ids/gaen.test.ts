import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "../../src/bytes.js";
import { nobleCrypto } from "../../src/crypto/noble.js";
import { gaen, gaenAem, gaenAemk, gaenRpik, gaenRpis } from "../../src/ids/gaen.js";
import { nativeCrypto, nodeCrypto } from "../../src/node/index.js";
import {
  ADVERTISED,
  AEMK,
  BLE_METADATA,
  CTINTERVAL_NUMBER_OF_GENERATED_KEY,
  KEY_GENERATION_SECONDS,
  RPIK,
  TEMPORARY_TRACING_KEY,
} from "./fixtures/gaen-v1.2.js";

const tek = fromHex(TEMPORARY_TRACING_KEY);
const unixDay = CTINTERVAL_NUMBER_OF_GENERATED_KEY / 144;

function split(flat: Uint8Array, size: number): string[] {
  const out: string[] = [];
  for (let o = 0; o < flat.length; o += size) out.push(toHex(flat.subarray(o, o + size)));
  return out;
}

describe.each([nobleCrypto, nodeCrypto, nativeCrypto])("GAEN v1.2 vectors, $name", (crypto) => {
  it("derives the published RPIK and AEMK", () => {
    expect(toHex(gaenRpik(tek, crypto))).toBe(RPIK);
    expect(toHex(gaenAemk(tek, crypto))).toBe(AEMK);
  });

  it("derives all 144 published RPIs", () => {
    const rpis = gaenRpis(tek, CTINTERVAL_NUMBER_OF_GENERATED_KEY, 144, crypto);
    expect(split(rpis, 16)).toEqual(ADVERTISED.map(([rpi]) => rpi));
  });

  it("derives all 144 RPIs through the IdScheme interface", () => {
    expect(split(gaen.ids(tek, unixDay, 0, 144, crypto), 16)).toEqual(ADVERTISED.map(([r]) => r));
  });

  it("derives all 144 published AEMs, and decrypts them back", () => {
    const aemk = gaenAemk(tek, crypto);
    const metadata = fromHex(BLE_METADATA);
    for (const [rpi, aem] of ADVERTISED) {
      expect(toHex(gaenAem(aemk, fromHex(rpi), metadata, crypto))).toBe(aem);
      expect(toHex(gaenAem(aemk, fromHex(rpi), fromHex(aem), crypto))).toBe(BLE_METADATA);
    }
  });

  it("gives the RPIs of any later slot run", () => {
    const rpis = gaen.ids(tek, unixDay, 100, 7, crypto);
    expect(split(rpis, 16)).toEqual(ADVERTISED.slice(100, 107).map(([r]) => r));
  });
});

describe("GAEN scheme", () => {
  it("puts the key generation time in slot 0 of its day", () => {
    expect(gaen.slotOf(KEY_GENERATION_SECONDS)).toEqual({ unixDay, slot: 0 });
    expect(gaen.slotOf(KEY_GENERATION_SECONDS + 599)).toEqual({ unixDay, slot: 0 });
    expect(gaen.slotOf(KEY_GENERATION_SECONDS + 86_399)).toEqual({ unixDay, slot: 143 });
  });

  it("uses the root TEK on day 0 and derived, distinct TEKs later", () => {
    expect(toHex(gaen.dailyKey(tek, 0))).toBe(TEMPORARY_TRACING_KEY);
    const teks = Array.from({ length: 15 }, (_, d) => toHex(gaen.dailyKey(tek, d)));
    expect(new Set(teks).size).toBe(15);
    expect(teks.every((t) => t.length === 32)).toBe(true);
    expect(toHex(gaen.dailyKey(tek, 3, nodeCrypto))).toBe(teks[3]);
  });

  it("rejects a wrong key length and slots beyond the day", () => {
    expect(() => gaen.ids(new Uint8Array(32), unixDay, 0, 1)).toThrow(/TEK must be 16 bytes/);
    expect(() => gaen.ids(tek, unixDay, 140, 5)).toThrow(/exceed the 144/);
    expect(() => gaenRpis(tek, 2 ** 32 - 1, 2)).toThrow(/uint32/);
  });
});
