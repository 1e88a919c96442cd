/*
 * The phone's side of a key push (docs/PROTOCOL.md step 4): regenerate the index person's
 * Bluezone IDs from its daily keys and look for them in the phone's own log, each ID only
 * inside its own 15-minute slot and inside the index person's window.
 *
 * The same derivation as @tracebed/protocol's `bluezone` scheme (a unit test checks they agree),
 * written again here because k6 cannot load the protocol package: the SHA-256 is passed in (k6:
 * `k6/crypto`; Node: `node:crypto`).
 */

export type Sha256 = (data: Uint8Array) => Uint8Array;

const SALT = "bluzonesubkey";
const PICK = [0, 4, 8, 12, 16, 18, 20, 22, 24, 26, 28, 30] as const;
export const SLOTS_PER_DAY = 96;
export const SLOT_SECONDS = 900;
export const SECONDS_PER_DAY = 86_400;
/** Days of keys a push carries and of log a phone searches (the protocol's window). */
export const WINDOW_DAYS = 14;

export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) throw new Error(`not hex: ${hex}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}

/** The 96 IDs (12 bytes each, lowercase hex) of one daily key, slot 0 first. */
export function bluezoneIdsOfDay(dailyKey: Uint8Array, sha256: Sha256): string[] {
  if (dailyKey.length !== 32) throw new Error("a Bluezone daily key is 32 bytes");
  const seed = new Uint8Array(32 + SALT.length);
  seed.set(dailyKey);
  for (let i = 0; i < SALT.length; i++) seed[32 + i] = SALT.charCodeAt(i);
  const ids: string[] = [];
  let sub = sha256(seed);
  for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
    ids.push(toHex(Uint8Array.from(PICK, (j) => sub[j]!)));
    if (slot + 1 < SLOTS_PER_DAY) sub = sha256(sub);
  }
  return ids;
}

export interface PushedKeys {
  windowEnd: number;
  /** An F1's: 00:00 UTC of its exposure day (unix seconds); sightings before it do not count. */
  windowStart?: number;
  keys: { unixDay: number; key: string }[];
}

export interface Sighting {
  contactId: string;
  timestamp: number;
}

/**
 * An index person's window: from UTC midnight 13 days before the day of its end, to its end;
 * an F1's starts no earlier than its windowStart (its exposure day, the protocol's indexWindow).
 */
export function indexWindow(windowEnd: number, windowDays = WINDOW_DAYS, windowStart?: number) {
  const lastDay = Math.floor((windowEnd - 1) / SECONDS_PER_DAY);
  const start = (lastDay - windowDays + 1) * SECONDS_PER_DAY;
  return {
    start: windowStart === undefined ? start : Math.max(start, windowStart),
    end: windowEnd,
  };
}

/**
 * Every ID of a push, by value → the start of its slot (unix seconds). 14 × 96 = 1,344 IDs,
 * one SHA-256 each: derive once per push, then test any number of logs with `hits`.
 */
export function pushedIds(push: PushedKeys, sha256: Sha256): Map<string, number> {
  const ids = new Map<string, number>();
  for (const k of push.keys) {
    bluezoneIdsOfDay(fromHex(k.key), sha256).forEach((id, slot) => {
      ids.set(id, k.unixDay * SECONDS_PER_DAY + slot * SLOT_SECONDS);
    });
  }
  return ids;
}

/** How many of the log's sightings are of the pushed IDs, each in its slot and the window. */
export function hits(
  log: readonly Sighting[],
  ids: ReadonlyMap<string, number>,
  windowEnd: number,
  windowDays = WINDOW_DAYS,
  windowStart?: number,
): number {
  const w = indexWindow(windowEnd, windowDays, windowStart);
  let n = 0;
  for (const e of log) {
    const from = ids.get(e.contactId);
    if (from === undefined) continue;
    if (e.timestamp >= from && e.timestamp < from + SLOT_SECONDS) {
      if (e.timestamp >= w.start && e.timestamp < w.end) n++;
    }
  }
  return n;
}
