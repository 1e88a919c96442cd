/**
 * BlueTrace TempIDs as OpenTrace publishes them (opentrace-community/opentrace-cloud-functions,
 * functions/src/opentrace/getTempIDs.ts `generateTempId` / `decryptTempID` and
 * utils/CustomEncrypter.ts; Bay et al. 2020, "BlueTrace: A privacy-preserving protocol for
 * community-driven contact tracing across borders", §3.2, see docs/PROTOCOLS.md):
 *
 *   plaintext = uid (21 bytes) ‖ startTime (int32 BE, unix s) ‖ expiryTime (int32 BE)  = 29 B
 *   AES-256-GCM under the server's key, a random 16-byte IV, a 16-byte tag
 *   TempID    = base64( ciphertext (29 B) ‖ IV (16 B) ‖ tag (16 B) )                     = 84 chars
 *
 * Only the server holds the key: to anyone else a TempID is 61 random-looking bytes, and two
 * TempIDs of one user cannot be linked. The server issues a batch of 100 (OpenTrace's
 * `batchSize`, "sufficient for 24h+"), each valid 15 minutes (`validityPeriod` 0.25 h), the
 * first a minute early: start_i = from + 900·i − 60, expiry_i = start_i + 900; phones ask again
 * every 12 h (`refreshInterval`). A sighting counts only if start ≤ its timestamp ≤ expiry
 * (OpenTrace's upload validation: `expired_id` otherwise, `failed_decryption` when the tag
 * does not verify).
 */

/** Bytes of the user id inside a TempID (OpenTrace: a 28-character base64 Firebase uid). */
export const UID_BYTES = 21;
const TIME_BYTES = 4;
/** uid ‖ start ‖ expiry. */
export const PLAINTEXT_BYTES = UID_BYTES + 2 * TIME_BYTES;
export const IV_BYTES = 16;
export const TAG_BYTES = 16;
/** Decoded TempID: ciphertext ‖ IV ‖ tag. */
export const TEMPID_BYTES = PLAINTEXT_BYTES + IV_BYTES + TAG_BYTES;
/** Base64 characters of a TempID (61 bytes → 84, with one `=`). */
export const TEMPID_CHARS = 4 * Math.ceil(TEMPID_BYTES / 3);
/** AES-256: the server's key. */
export const KEY_BYTES = 32;

/** How long one TempID is advertised: 15 minutes (OpenTrace `validityPeriod` 0.25 h). */
export const TEMPID_VALIDITY_SECONDS = 900;
/** TempIDs per batch (OpenTrace `batchSize`): 100 × 15 min = 25 h. */
export const TEMPID_BATCH_SIZE = 100;
/** Phones fetch a new batch this often (OpenTrace `refreshInterval` 12 h). */
export const TEMPID_REFRESH_SECONDS = 12 * 3600;
/** The first TempID of a batch is valid this much earlier (OpenTrace: "a minute earlier"). */
export const TEMPID_EARLY_SECONDS = 60;

/** What a TempID carries. */
export interface TempIdPayload {
  /** The user id (UID_BYTES). */
  readonly uid: Uint8Array;
  /** Unix seconds: valid from startTime to expiryTime, both included. */
  readonly startTime: number;
  readonly expiryTime: number;
}

/** One issued TempID with its validity (as OpenTrace's getTempIDs returns them). */
export interface IssuedTempId {
  readonly tempID: string;
  readonly startTime: number;
  readonly expiryTime: number;
}

/** Validity periods of a batch issued at `from` (unix s): OpenTrace's arithmetic. */
export function batchPeriods(
  from: number,
  count = TEMPID_BATCH_SIZE,
): { startTime: number; expiryTime: number }[] {
  return Array.from({ length: count }, (_, i) => {
    const startTime = from + TEMPID_VALIDITY_SECONDS * i - TEMPID_EARLY_SECONDS;
    return { startTime, expiryTime: startTime + TEMPID_VALIDITY_SECONDS };
  });
}

/** uid ‖ start ‖ expiry, big-endian signed 32-bit times as OpenTrace writes them. */
export function encodePlaintext(p: TempIdPayload): Uint8Array {
  if (p.uid.length !== UID_BYTES) throw new RangeError(`uid: must be ${UID_BYTES} bytes`);
  const out = new Uint8Array(PLAINTEXT_BYTES);
  out.set(p.uid, 0);
  const view = new DataView(out.buffer);
  view.setInt32(UID_BYTES, p.startTime);
  view.setInt32(UID_BYTES + TIME_BYTES, p.expiryTime);
  return out;
}

export function decodePlaintext(b: Uint8Array): TempIdPayload {
  if (b.length !== PLAINTEXT_BYTES)
    throw new RangeError(`plaintext: must be ${PLAINTEXT_BYTES} bytes`);
  const view = new DataView(b.buffer, b.byteOffset, b.length);
  return {
    uid: b.slice(0, UID_BYTES),
    startTime: view.getInt32(UID_BYTES),
    expiryTime: view.getInt32(UID_BYTES + TIME_BYTES),
  };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function toBase64(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return btoa(s);
}

/** Bytes of standard base64; null if it is not base64. */
export function fromBase64(s: string): Uint8Array | null {
  if (s.length % 4 !== 0 || !BASE64.test(s)) return null;
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The three parts of a TempID, or null when it is not a TempID's base64 of TEMPID_BYTES. */
export function unpackTempId(
  tempID: string,
): { ciphertext: Uint8Array; iv: Uint8Array; tag: Uint8Array } | null {
  if (tempID.length !== TEMPID_CHARS) return null;
  const b = fromBase64(tempID);
  if (b === null || b.length !== TEMPID_BYTES) return null;
  return {
    ciphertext: b.subarray(0, PLAINTEXT_BYTES),
    iv: b.subarray(PLAINTEXT_BYTES, PLAINTEXT_BYTES + IV_BYTES),
    tag: b.subarray(PLAINTEXT_BYTES + IV_BYTES),
  };
}

export function packTempId(ciphertext: Uint8Array, iv: Uint8Array, tag: Uint8Array): string {
  const b = new Uint8Array(TEMPID_BYTES);
  b.set(ciphertext, 0);
  b.set(iv, PLAINTEXT_BYTES);
  b.set(tag, PLAINTEXT_BYTES + IV_BYTES);
  return toBase64(b);
}
