import {
  decodePlaintext,
  encodePlaintext,
  IV_BYTES,
  KEY_BYTES,
  packTempId,
  TAG_BYTES,
  type TempIdPayload,
  unpackTempId,
} from "./tempid.js";

/**
 * AES-256-GCM with a 16-byte IV and a 16-byte tag, from a maintained implementation: WebCrypto
 * here (browsers and Node), node:crypto (OpenSSL) in `@tracebed/protocol/node`.
 */
export interface TempIdCipher {
  readonly name: string;
  seal(
    key: Uint8Array,
    iv: Uint8Array,
    plaintext: Uint8Array,
  ): Promise<{ ciphertext: Uint8Array; tag: Uint8Array }>;
  /** The plaintext, or null when the tag does not verify (tampered, or another key). */
  open(
    key: Uint8Array,
    iv: Uint8Array,
    ciphertext: Uint8Array,
    tag: Uint8Array,
  ): Promise<Uint8Array | null>;
}

function checkKey(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`key: must be ${KEY_BYTES} bytes (AES-256)`);
}

/** WebCrypto's AES-GCM (tagLength 128, the tag appended to the ciphertext). */
export const webCryptoTempIdCipher: TempIdCipher = {
  name: "webcrypto",
  async seal(key, iv, plaintext) {
    checkKey(key);
    const k = await crypto.subtle.importKey("raw", key, "AES-GCM", false, ["encrypt"]);
    const out = new Uint8Array(
      await crypto.subtle.encrypt({ name: "AES-GCM", iv, tagLength: 128 }, k, plaintext),
    );
    const n = out.length - TAG_BYTES;
    return { ciphertext: out.slice(0, n), tag: out.slice(n) };
  },
  async open(key, iv, ciphertext, tag) {
    checkKey(key);
    const k = await crypto.subtle.importKey("raw", key, "AES-GCM", false, ["decrypt"]);
    const sealed = new Uint8Array(ciphertext.length + tag.length);
    sealed.set(ciphertext, 0);
    sealed.set(tag, ciphertext.length);
    try {
      return new Uint8Array(
        await crypto.subtle.decrypt({ name: "AES-GCM", iv, tagLength: 128 }, k, sealed),
      );
    } catch {
      return null;
    }
  },
};

/** A TempID of `payload` under `key` with the given random IV (IV_BYTES). */
export async function sealTempId(
  cipher: TempIdCipher,
  key: Uint8Array,
  payload: TempIdPayload,
  iv: Uint8Array,
): Promise<string> {
  if (iv.length !== IV_BYTES) throw new RangeError(`iv: must be ${IV_BYTES} bytes`);
  const { ciphertext, tag } = await cipher.seal(key, iv, encodePlaintext(payload));
  return packTempId(ciphertext, iv, tag);
}

/** Why a logged TempID is not counted (OpenTrace's `invalidReason` names). */
export type TempIdRefusal = "failed_decryption" | "expired_id";

export type TempIdCheck =
  | { readonly ok: true; readonly payload: TempIdPayload }
  | { readonly ok: false; readonly reason: TempIdRefusal };

/**
 * Decrypts a TempID heard at `seenAt` (unix s): refused if it is not a TempID or its tag does
 * not verify (`failed_decryption`), or if seenAt lies outside [startTime, expiryTime]
 * (`expired_id`: a TempID replayed after its 15 minutes).
 */
export async function checkTempId(
  cipher: TempIdCipher,
  key: Uint8Array,
  tempID: string,
  seenAt: number,
): Promise<TempIdCheck> {
  const payload = await openTempId(cipher, key, tempID);
  if (payload === null) return { ok: false, reason: "failed_decryption" };
  if (!validAt(payload, seenAt)) return { ok: false, reason: "expired_id" };
  return { ok: true, payload };
}

/** What a TempID carries, or null if it is not one of this key's (see checkTempId). */
export async function openTempId(
  cipher: TempIdCipher,
  key: Uint8Array,
  tempID: string,
): Promise<TempIdPayload | null> {
  const parts = unpackTempId(tempID);
  if (parts === null) return null;
  const plain = await cipher.open(key, parts.iv, parts.ciphertext, parts.tag);
  return plain === null ? null : decodePlaintext(plain);
}

/** A TempID may be heard from its startTime to its expiryTime, both included. */
export function validAt(p: TempIdPayload, seenAt: number): boolean {
  return seenAt >= p.startTime && seenAt <= p.expiryTime;
}
