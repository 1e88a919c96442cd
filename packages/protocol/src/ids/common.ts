import { SECONDS_PER_DAY, type SlotOf } from "./scheme.js";

/** Rejects arguments outside a scheme's contract with a one-line RangeError. */
export function checkKey(scheme: string, key: Uint8Array, length: number, what: string): void {
  if (key.length !== length) {
    throw new RangeError(`${scheme}: ${what} must be ${length} bytes, got ${key.length}`);
  }
}

export function checkSlots(
  scheme: string,
  slotsPerDay: number,
  firstSlot: number,
  count: number,
): void {
  if (!Number.isInteger(firstSlot) || !Number.isInteger(count) || firstSlot < 0 || count < 0) {
    throw new RangeError(`${scheme}: firstSlot and count must be non-negative integers`);
  }
  if (firstSlot + count > slotsPerDay) {
    throw new RangeError(
      `${scheme}: slots ${firstSlot}..${firstSlot + count - 1} exceed the ${slotsPerDay} of a day`,
    );
  }
}

export function checkDay(scheme: string, day: number): void {
  if (!Number.isSafeInteger(day) || day < 0) {
    throw new RangeError(`${scheme}: day must be a non-negative integer, got ${day}`);
  }
}

/** slotOf for schemes whose slots are equal divisions of the UTC day. */
export function uniformSlotOf(slotSeconds: number): (unixSeconds: number) => SlotOf {
  return (unixSeconds) => {
    const unixDay = Math.floor(unixSeconds / SECONDS_PER_DAY);
    return { unixDay, slot: Math.floor((unixSeconds - unixDay * SECONDS_PER_DAY) / slotSeconds) };
  };
}

/** SHA-256 applied `day` times to the day-0 key (Bluezone's and DP-3T's daily keys). */
export function hashChain(
  key0: Uint8Array,
  day: number,
  sha256: (data: Uint8Array) => Uint8Array,
): Uint8Array {
  let key: Uint8Array = key0.slice();
  for (let i = 0; i < day; i++) key = sha256(key);
  return key;
}
