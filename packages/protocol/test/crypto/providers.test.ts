import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "../../src/bytes.js";
import { nobleCrypto } from "../../src/crypto/noble.js";
import { nativeCrypto, nodeCrypto } from "../../src/node/index.js";

const providers = [nodeCrypto, nativeCrypto];
const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });
const aesKey = fc.oneof(bytes(16, 16), bytes(32, 32));
const blocks = fc.integer({ min: 0, max: 40 }).chain((n) => bytes(16 * n, 16 * n));

describe.each(providers)("$name agrees with noble", (c) => {
  it("sha256 and hmacSha256", () => {
    fc.assert(
      fc.property(bytes(0, 200), bytes(0, 100), (data, key) => {
        expect(c.sha256(data)).toEqual(nobleCrypto.sha256(data));
        expect(c.hmacSha256(key, data)).toEqual(nobleCrypto.hmacSha256(key, data));
      }),
    );
  });

  it("hkdfSha256", () => {
    fc.assert(
      fc.property(bytes(1, 64), bytes(0, 32), bytes(0, 32), fc.nat(100), (ikm, salt, info, n) => {
        expect(c.hkdfSha256(ikm, salt, info, n)).toEqual(
          nobleCrypto.hkdfSha256(ikm, salt, info, n),
        );
      }),
    );
  });

  it("aesEcbEncrypt and aesCtr, around the native thresholds", () => {
    fc.assert(
      fc.property(aesKey, blocks, bytes(16, 16), bytes(0, 300), (key, data, iv, msg) => {
        expect(c.aesEcbEncrypt(key, data)).toEqual(nobleCrypto.aesEcbEncrypt(key, data));
        expect(c.aesCtr(key, iv, msg)).toEqual(nobleCrypto.aesCtr(key, iv, msg));
      }),
    );
  });

  it("aesCtr carries the counter across all 128 bits", () => {
    const key = new Uint8Array(16).fill(1);
    const iv = fromHex("00000000000000ffffffffffffffffff");
    const msg = new Uint8Array(80);
    expect(c.aesCtr(key, iv, msg)).toEqual(nobleCrypto.aesCtr(key, iv, msg));
  });
});

describe.each([nobleCrypto, ...providers])("$name HKDF, RFC 5869 appendix A", (c) => {
  const ikm = new Uint8Array(22).fill(0x0b);
  it("test case 1 (with salt and info)", () => {
    const salt = fromHex("000102030405060708090a0b0c");
    const info = fromHex("f0f1f2f3f4f5f6f7f8f9");
    expect(toHex(c.hkdfSha256(ikm, salt, info, 42))).toBe(
      "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
    );
  });
  it("test case 3 (no salt, no info)", () => {
    expect(toHex(c.hkdfSha256(ikm, new Uint8Array(0), new Uint8Array(0), 42))).toBe(
      "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
    );
  });
});

describe("node providers return plain Uint8Arrays", () => {
  it.each(providers)("$name", (c) => {
    for (const out of [
      c.sha256(new Uint8Array(3)),
      c.hmacSha256(new Uint8Array(3), new Uint8Array(3)),
      c.hkdfSha256(new Uint8Array(3), new Uint8Array(0), new Uint8Array(0), 16),
      c.aesEcbEncrypt(new Uint8Array(16), new Uint8Array(512)),
      c.aesCtr(new Uint8Array(16), new Uint8Array(16), new Uint8Array(512)),
    ]) {
      expect(Object.getPrototypeOf(out)).toBe(Uint8Array.prototype);
    }
  });
});
