import { toHex } from "../../src/bytes.js";
import { type IdScheme, SECONDS_PER_DAY } from "../../src/ids/scheme.js";

/**
 * A test-only scheme: 96 slots of 900 s like Bluezone, but IDs you can read:
 * ID = daily key (4 bytes) ‖ unixDay (uint32 BE) ‖ slot (uint32 BE), 12 bytes.
 */
export const toyScheme: IdScheme = {
  name: "toy",
  keyLength: 4,
  idLength: 12,
  slotsPerDay: 96,
  slotSeconds: 900,
  dailyKey(rootKey) {
    return rootKey.slice();
  },
  ids(dailyKey, unixDay, firstSlot, count) {
    const out = new Uint8Array(count * 12);
    const view = new DataView(out.buffer);
    for (let n = 0; n < count; n++) {
      out.set(dailyKey.subarray(0, 4), n * 12);
      view.setUint32(n * 12 + 4, unixDay);
      view.setUint32(n * 12 + 8, firstSlot + n);
    }
    return out;
  },
  slotOf(t) {
    const unixDay = Math.floor(t / SECONDS_PER_DAY);
    return { unixDay, slot: Math.floor((t - unixDay * SECONDS_PER_DAY) / 900) };
  },
};

/** Person p's daily key: p as 4 bytes. */
export function toyKey(person: number): string {
  return person.toString(16).padStart(8, "0");
}

/** The ID person p broadcasts at time t. */
export function toyIdAt(person: number, t: number): string {
  const { unixDay, slot } = toyScheme.slotOf(t);
  const tail = new Uint8Array(8);
  new DataView(tail.buffer).setUint32(0, unixDay);
  new DataView(tail.buffer).setUint32(4, slot);
  return toyKey(person) + toHex(tail);
}
