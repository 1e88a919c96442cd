import { asciiBytes } from "../bytes.js";
import { nobleCrypto } from "../crypto/noble.js";
import type { CryptoPrimitives } from "../crypto/primitives.js";
import { checkDay, checkKey, checkSlots, hashChain, uniformSlotOf } from "./common.js";
import type { IdScheme } from "./scheme.js";

/*
 * Bluezone (Vietnam, 2020), as in BluezoneGlobal/bluezone-app
 * ios/Scanner/BluezoneId/BluezoneIdGenerator.swift (createBluezoneDailyKey,
 * createListBluezoneDailyId, convertBluezoneSubKeyToBluezoneId) and the Android twin
 * BluezoneGlobal/react-native-bluetooth-scan lib/android/.../bluezoneid/BluezoneIdGenerator.java:
 * - daily key of day d = SHA-256 applied d times to the 32-byte base ID;
 * - sub-key 0 = SHA-256(dailyKey ‖ "bluzonesubkey") (sic), sub-key i+1 = SHA-256(sub-key i);
 *   slot i (15 min from UTC midnight, BluezoneDate uses the UTC calendar) broadcasts sub-key i;
 * - the 12-byte ID is sub-key bytes 0, 4, 8, 12, 16, 18, …, 30.
 * 96 slots is the iOS default (MAX_NUMBER_SUB_KEY_PER_DAY = 24 * 4, server-configurable); one
 * Android revision of BluezoneIdConstants.java used 24 * 6 = 144.
 */

const SALT = asciiBytes("bluzonesubkey");
const PICK = [0, 4, 8, 12, 16, 18, 20, 22, 24, 26, 28, 30] as const;
const SLOTS = 96;
const ID_LENGTH = 12;

export const bluezone: IdScheme = {
  name: "bluezone",
  keyLength: 32,
  idLength: ID_LENGTH,
  slotsPerDay: SLOTS,
  slotSeconds: 900,

  dailyKey(baseId, day, crypto = nobleCrypto) {
    checkKey("bluezone", baseId, 32, "base ID");
    checkDay("bluezone", day);
    return hashChain(baseId, day, (d) => crypto.sha256(d));
  },

  ids(dailyKey, _unixDay, firstSlot, count, crypto: CryptoPrimitives = nobleCrypto) {
    checkKey("bluezone", dailyKey, 32, "daily key");
    checkSlots("bluezone", SLOTS, firstSlot, count);
    const out = new Uint8Array(count * ID_LENGTH);
    if (count === 0) return out;
    const seed = new Uint8Array(32 + SALT.length);
    seed.set(dailyKey);
    seed.set(SALT, 32);
    let sub: Uint8Array = crypto.sha256(seed);
    for (let i = 0; i < firstSlot; i++) sub = crypto.sha256(sub);
    for (let n = 0, o = 0; n < count; n++) {
      for (let j = 0; j < ID_LENGTH; j++) out[o++] = sub[PICK[j]!]!;
      if (n + 1 < count) sub = crypto.sha256(sub);
    }
    return out;
  },

  slotOf: uniformSlotOf(900),
};
