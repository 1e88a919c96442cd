import type { bluetrace } from "@tracebed/protocol";

type KnownSighting = bluetrace.KnownSighting;

const keyOf = (s: KnownSighting) => `${s.timestamp} ${s.contact} ${s.rssi} ${s.txPower}`;

/** The union of two logs, one sighting once, sorted by (timestamp, contact). */
export function mergeLogs(
  a: readonly KnownSighting[],
  b: readonly KnownSighting[],
): KnownSighting[] {
  const seen = new Map<string, KnownSighting>();
  for (const s of a) seen.set(keyOf(s), s);
  for (const s of b) seen.set(keyOf(s), s);
  return [...seen.values()].sort(
    (x, y) =>
      x.timestamp - y.timestamp || (x.contact < y.contact ? -1 : x.contact > y.contact ? 1 : 0),
  );
}

/** Compact columns for storage: [contact, rssi, txPower, timestamp] per sighting. */
export function encodeLog(log: readonly KnownSighting[]): string {
  return JSON.stringify(log.map((s) => [s.contact, s.rssi, s.txPower, s.timestamp]));
}

export function decodeLog(text: string | null): KnownSighting[] {
  if (text === null) return [];
  return (JSON.parse(text) as [string, number, number, number][]).map(
    ([contact, rssi, txPower, timestamp]) => ({ contact, rssi, txPower, timestamp }),
  );
}
