import { fromHex, toHex } from "../bytes.js";
import type { CryptoPrimitives } from "../crypto/primitives.js";
import { type IdScheme, SECONDS_PER_DAY } from "../ids/scheme.js";

/** A daily key as uploaded: the UTC day it was used on and its bytes in lowercase hex. */
export interface DailyKeyInput {
  readonly unixDay: number;
  readonly key: string;
}

/**
 * One person's broadcast IDs: lowercase hex → the slot the ID was broadcast in, counted from
 * the epoch (unixDay · slotsPerDay + slot, which equals floor(t / slotSeconds) for every t in
 * the slot). Build it once per person and reuse it: lookups cost one Map.get (V8 caches a
 * string's hash on the string, so repeated lookups of the same log strings stay cheap).
 */
export interface IdTable {
  readonly scheme: string;
  readonly slotSeconds: number;
  readonly slotById: ReadonlyMap<string, number>;
}

/** The slot containing `t`, counted from the epoch. */
export function epochSlot(t: number, slotSeconds: number): number {
  return Math.floor(t / slotSeconds);
}

/** Every ID of every key: `scheme.ids(dailyKey, unixDay, 0, scheme.slotsPerDay)` per key. */
export function buildIdTable(
  keys: readonly DailyKeyInput[],
  scheme: IdScheme,
  crypto?: CryptoPrimitives,
): IdTable {
  const { slotsPerDay, slotSeconds, idLength } = scheme;
  if (slotsPerDay * slotSeconds !== SECONDS_PER_DAY) {
    throw new RangeError(
      `scheme ${scheme.name}: ${slotsPerDay} slots × ${slotSeconds} s must tile a UTC day`,
    );
  }
  const slotById = new Map<string, number>();
  for (const { unixDay, key } of keys) {
    const ids = scheme.ids(fromHex(key, "daily key"), unixDay, 0, slotsPerDay, crypto);
    const first = unixDay * slotsPerDay;
    for (let slot = 0; slot < slotsPerDay; slot++) {
      slotById.set(toHex(ids.subarray(slot * idLength, (slot + 1) * idLength)), first + slot);
    }
  }
  return { scheme: scheme.name, slotSeconds, slotById };
}
