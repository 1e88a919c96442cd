import { createCipheriv, createHash, createHmac, hash, hkdfSync } from "node:crypto";
import type { CryptoPrimitives } from "../crypto/primitives.js";

/** A plain Uint8Array view of a Buffer, so callers never meet Buffer's slice-is-a-view. */
function bytes(b: Uint8Array | ArrayBuffer): Uint8Array {
  return b instanceof ArrayBuffer
    ? new Uint8Array(b)
    : new Uint8Array(b.buffer, b.byteOffset, b.length);
}

function aes(key: Uint8Array, mode: "ecb" | "ctr", iv: Uint8Array | null, data: Uint8Array) {
  const cipher = createCipheriv(`aes-${key.length * 8}-${mode}`, key, iv).setAutoPadding(false);
  const head = cipher.update(data);
  const tail = cipher.final();
  return bytes(tail.length === 0 ? head : Buffer.concat([head, tail]));
}

function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
  return bytes(createHmac("sha256", key).update(data).digest());
}

/** Every primitive on node:crypto (OpenSSL). nodeCrypto picks from this and noble. */
export const nativeCrypto: CryptoPrimitives = {
  name: "node-native",
  sha256: (data) => bytes(hash("sha256", data, "buffer")),
  hmacSha256,
  hkdfSha256: (ikm, salt, info, length) => bytes(hkdfSync("sha256", ikm, salt, info, length)),
  aesEcbEncrypt: (key, blocks) => aes(key, "ecb", null, blocks),
  aesCtr: (key, iv, data) => aes(key, "ctr", iv, data),
};

/** createHash, the pre-20.12 way, kept for the benchmark's comparison with hash(). */
export function sha256CreateHash(data: Uint8Array): Uint8Array {
  return bytes(createHash("sha256").update(data).digest());
}

/**
 * HKDF-SHA256 (RFC 5869) composed from native HMAC calls: for our 16-byte outputs it is two
 * HMACs, cheaper than hkdfSync's per-call set-up.
 */
export function hkdfSha256ViaHmac(
  ikm: Uint8Array,
  salt: Uint8Array,
  info: Uint8Array,
  length: number,
): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > 255 * 32) {
    throw new RangeError("hkdfSha256: length must be 0 … 8160 bytes");
  }
  const prk = hmacSha256(salt.length === 0 ? new Uint8Array(32) : salt, ikm);
  const out = new Uint8Array(length);
  let t: Uint8Array = new Uint8Array(0);
  for (let i = 1, o = 0; o < length; i++) {
    const h = createHmac("sha256", prk).update(t).update(info).update(Uint8Array.of(i)).digest();
    t = bytes(h);
    out.set(t.subarray(0, Math.min(32, length - o)), o);
    o += 32;
  }
  return out;
}
