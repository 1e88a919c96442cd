/**
 * The synchronous primitives the ID schemes need. The default implementation is pure JS
 * (@noble, audited) and runs anywhere; `@tracebed/protocol/node` provides one on Node's native
 * crypto for the primitives where it measures faster.
 */
export interface CryptoPrimitives {
  readonly name: string;
  sha256(data: Uint8Array): Uint8Array;
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
  /** HKDF-SHA256 (RFC 5869); an empty salt means no salt. */
  hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array;
  /** AES-ECB encryption of whole 16-byte blocks, no padding; key of 16 or 32 bytes. */
  aesEcbEncrypt(key: Uint8Array, blocks: Uint8Array): Uint8Array;
  /** AES-CTR (big-endian 128-bit counter) of data under key with the 16-byte initial counter iv. */
  aesCtr(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;
}
