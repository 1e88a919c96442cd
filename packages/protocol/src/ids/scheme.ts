import type { CryptoPrimitives } from "../crypto/primitives.js";

export const SECONDS_PER_DAY = 86_400;

/** Where a moment falls: the UTC day (days since 1970-01-01) and the slot inside that day. */
export interface SlotOf {
  unixDay: number;
  slot: number;
}

/**
 * A rolling-ID scheme. One file per scheme implements this; a new scheme is one new file plus
 * its line in the registry.
 */
export interface IdScheme {
  readonly name: string;
  /** Bytes of the secret a phone holds: Bluezone base ID, GAEN TEK, DP-3T SK of day 0. */
  readonly keyLength: number;
  /** Bytes of one broadcast ID. */
  readonly idLength: number;
  readonly slotsPerDay: number;
  readonly slotSeconds: number;
  /**
   * The key of day `day` (days after the day of `rootKey`). Hash-chain schemes derive it;
   * GAEN's TEKs are independent, so for GAEN day 0 is the root itself and later days are
   * derived deterministically from it (a simulation convenience, documented in gaen.ts).
   */
  dailyKey(rootKey: Uint8Array, day: number, crypto?: CryptoPrimitives): Uint8Array;
  /**
   * `count` broadcast IDs of one daily key from slot `firstSlot`, as one flat array of
   * count × idLength bytes. `unixDay` is the UTC day the key is used on (GAEN's interval
   * numbers depend on it; the hash-chain schemes ignore it). Requires firstSlot + count ≤
   * slotsPerDay and a key of keyLength bytes; throws a one-line RangeError otherwise.
   */
  ids(
    dailyKey: Uint8Array,
    unixDay: number,
    firstSlot: number,
    count: number,
    crypto?: CryptoPrimitives,
  ): Uint8Array;
  slotOf(unixSeconds: number): SlotOf;
}
