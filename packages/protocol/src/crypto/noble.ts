import { ctr, ecb } from "@noble/ciphers/aes.js";
import { hkdf } from "@noble/hashes/hkdf.js";
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import type { CryptoPrimitives } from "./primitives.js";

/** The default primitives: pure JS (@noble/hashes, @noble/ciphers), synchronous, browser-safe. */
export const nobleCrypto: CryptoPrimitives = {
  name: "noble",
  sha256: (data) => sha256(data),
  hmacSha256: (key, data) => hmac(sha256, key, data),
  // HKDF with no salt uses HashLen zero bytes (RFC 5869 §2.2), the same as an empty salt.
  hkdfSha256: (ikm, salt, info, length) =>
    hkdf(sha256, ikm, salt.length === 0 ? undefined : salt, info, length),
  aesEcbEncrypt: (key, blocks) => ecb(key, { disablePadding: true }).encrypt(blocks),
  aesCtr: (key, iv, data) => ctr(key, iv).encrypt(data),
};
