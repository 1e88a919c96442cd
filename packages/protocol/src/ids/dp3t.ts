import { asciiBytes } from "../bytes.js";
import { nobleCrypto } from "../crypto/noble.js";
import { checkDay, checkKey, checkSlots, hashChain, uniformSlotOf } from "./common.js";
import type { IdScheme } from "./scheme.js";

/*
 * DP-3T low-cost design, as in DP-3T/reference_implementation dp3t/protocols/lowcost.py:
 * SK(t) = SHA-256(SK(t−1)); EphIDs of a day = AES-256-CTR keystream (counter from 0) under
 * PRF = HMAC-SHA256(SK, "broadcast key"), cut into 16-byte IDs, in epoch order (the reference
 * shuffles them before broadcast; the unshuffled order is the one its test vectors use).
 */

const BROADCAST_KEY = asciiBytes("broadcast key");
const SLOTS = 96;
const ID_LENGTH = 16;

export const dp3t: IdScheme = {
  name: "dp3t",
  keyLength: 32,
  idLength: ID_LENGTH,
  slotsPerDay: SLOTS,
  slotSeconds: 900,

  dailyKey(sk0, day, crypto = nobleCrypto) {
    checkKey("dp3t", sk0, 32, "SK");
    checkDay("dp3t", day);
    return hashChain(sk0, day, (d) => crypto.sha256(d));
  },

  ids(sk, _unixDay, firstSlot, count, crypto = nobleCrypto) {
    checkKey("dp3t", sk, 32, "SK");
    checkSlots("dp3t", SLOTS, firstSlot, count);
    if (count === 0) return new Uint8Array(0);
    const prf = crypto.hmacSha256(sk, BROADCAST_KEY);
    // Each EphID is one AES block, so EphID i is the keystream block with counter i.
    const iv = new Uint8Array(16);
    new DataView(iv.buffer).setUint32(12, firstSlot);
    return crypto.aesCtr(prf, iv, new Uint8Array(count * ID_LENGTH));
  },

  slotOf: uniformSlotOf(900),
};
