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
