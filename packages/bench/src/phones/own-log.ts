import { randomBytes } from "node:crypto";
import { bluezone, type DailyKey, type LogEntry, SECONDS_PER_DAY, toHex } from "@tracebed/protocol";
import { nodeCrypto } from "@tracebed/protocol/node";

/** Random Bluezone daily keys of the `days` UTC days up to `lastDay`. */
export function randomDailyKeys(lastDay: number, days = 14): DailyKey[] {
  return Array.from({ length: days }, (_, i) => ({
    unixDay: lastDay - days + 1 + i,
    key: randomBytes(32).toString("hex"),
  }));
}

/**
 * A phone's log of `entries` sightings of random contacts, spread evenly back from `now` − 60 s
 * over the keys' days, each with the phone's own ID at its time derived from `keys` (the
 * matcher refuses a log whose own IDs do not derive from the phone's uploaded keys).
 */
export function ownLog(keys: readonly DailyKey[], entries: number, now: number): LogEntry[] {
  const first = Math.min(...keys.map((k) => k.unixDay)) * SECONDS_PER_DAY;
  const span = Math.max(1, now - 60 - first);
  const idsOfDay = new Map<number, Uint8Array>();
  const keyOf = new Map(keys.map((k) => [k.unixDay, k.key]));
  const log: LogEntry[] = [];
  for (let i = 0; i < entries; i++) {
    const timestamp = now - 60 - Math.floor((i * span) / Math.max(1, entries));
    const day = Math.floor(timestamp / SECONDS_PER_DAY);
    let ids = idsOfDay.get(day);
    if (ids === undefined) {
      const key = Buffer.from(keyOf.get(day)!, "hex");
      ids = bluezone.ids(key, day, 0, bluezone.slotsPerDay, nodeCrypto);
      idsOfDay.set(day, ids);
    }
    const slot = Math.floor((timestamp % SECONDS_PER_DAY) / bluezone.slotSeconds);
    const ownId = toHex(ids.subarray(slot * bluezone.idLength, (slot + 1) * bluezone.idLength));
    log.push({
      ownId,
      contactId: randomBytes(bluezone.idLength).toString("hex"),
      rssi: -50 - (i % 40),
      txPower: -8,
      timestamp,
    });
  }
  return log;
}
