import { asciiBytes } from "../bytes.js";
import { nobleCrypto } from "../crypto/noble.js";
import type { CryptoPrimitives } from "../crypto/primitives.js";
import { checkDay, checkKey, checkSlots, uniformSlotOf } from "./common.js";
import type { IdScheme } from "./scheme.js";

/*
 * Google/Apple Exposure Notification, cryptography specification v1.2:
 * RPIK = HKDF-SHA256(TEK, no salt, "EN-RPIK", 16);
 * RPI(j) = AES-128-ECB(RPIK, "EN-RPI" ‖ 6 zero bytes ‖ j as uint32 LE), j = unix seconds / 600;
 * AEMK = HKDF-SHA256(TEK, no salt, "EN-AEMK", 16); AEM = AES-128-CTR(AEMK, IV = RPI, metadata).
 */

export const GAEN_INTERVAL_SECONDS = 600;
export const GAEN_INTERVALS_PER_DAY = 144;

const NO_SALT = new Uint8Array(0);
const RPIK_INFO = asciiBytes("EN-RPIK");
const AEMK_INFO = asciiBytes("EN-AEMK");
const RPI_PREFIX = asciiBytes("EN-RPI");
const TEK_INFO = asciiBytes("tracebed-tek");
const MAX_INTERVAL = 2 ** 32;

export function gaenRpik(tek: Uint8Array, crypto: CryptoPrimitives = nobleCrypto): Uint8Array {
  checkKey("gaen", tek, 16, "TEK");
  return crypto.hkdfSha256(tek, NO_SALT, RPIK_INFO, 16);
}

export function gaenAemk(tek: Uint8Array, crypto: CryptoPrimitives = nobleCrypto): Uint8Array {
  checkKey("gaen", tek, 16, "TEK");
  return crypto.hkdfSha256(tek, NO_SALT, AEMK_INFO, 16);
}

/**
 * The RPIs of intervals firstInterval … firstInterval+count−1 under one TEK, as one flat array
 * of count × 16 bytes: all blocks go through a single AES-ECB call.
 */
export function gaenRpis(
  tek: Uint8Array,
  firstInterval: number,
  count: number,
  crypto: CryptoPrimitives = nobleCrypto,
): Uint8Array {
  if (!Number.isSafeInteger(firstInterval) || !Number.isSafeInteger(count)) {
    throw new RangeError("gaen: interval and count must be integers");
  }
  if (firstInterval < 0 || count < 0 || firstInterval + count > MAX_INTERVAL) {
    throw new RangeError("gaen: intervals must lie in 0 … 2^32−1 (uint32)");
  }
  const rpik = gaenRpik(tek, crypto);
  const blocks = new Uint8Array(count * 16);
  const view = new DataView(blocks.buffer);
  for (let i = 0; i < count; i++) {
    blocks.set(RPI_PREFIX, i * 16);
    view.setUint32(i * 16 + 12, firstInterval + i, true);
  }
  return count === 0 ? blocks : crypto.aesEcbEncrypt(rpik, blocks);
}

/**
 * Associated Encrypted Metadata: AES-128-CTR under the AEMK (from gaenAemk) with the RPI as
 * IV. CTR is its own inverse, so the same call decrypts a received AEM.
 */
export function gaenAem(
  aemk: Uint8Array,
  rpi: Uint8Array,
  metadata: Uint8Array,
  crypto: CryptoPrimitives = nobleCrypto,
): Uint8Array {
  checkKey("gaen", aemk, 16, "AEMK");
  checkKey("gaen", rpi, 16, "RPI");
  return crypto.aesCtr(aemk, rpi, metadata);
}

export const gaen: IdScheme = {
  name: "gaen",
  keyLength: 16,
  idLength: 16,
  slotsPerDay: GAEN_INTERVALS_PER_DAY,
  slotSeconds: GAEN_INTERVAL_SECONDS,

  /**
   * Real TEKs are independent random keys. For the simulator a phone's TEK of day d > 0 is
   * derived from its root TEK: HKDF-SHA256(root, no salt, "tracebed-tek" ‖ d as uint32 BE, 16).
   * Day 0 is the root itself. The derivation is a tracebed convenience, not part of GAEN.
   */
  dailyKey(root, day, crypto = nobleCrypto) {
    checkKey("gaen", root, 16, "TEK");
    checkDay("gaen", day);
    if (day === 0) return root.slice();
    const info = new Uint8Array(TEK_INFO.length + 4);
    info.set(TEK_INFO);
    new DataView(info.buffer).setUint32(TEK_INFO.length, day);
    return crypto.hkdfSha256(root, NO_SALT, info, 16);
  },

  ids(tek, unixDay, firstSlot, count, crypto = nobleCrypto) {
    checkDay("gaen", unixDay);
    checkSlots("gaen", GAEN_INTERVALS_PER_DAY, firstSlot, count);
    return gaenRpis(tek, unixDay * GAEN_INTERVALS_PER_DAY + firstSlot, count, crypto);
  },

  slotOf: uniformSlotOf(GAEN_INTERVAL_SECONDS),
};
