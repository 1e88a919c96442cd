import { epochSlot, type IdTable } from "@tracebed/protocol";

/**
 * The index of the first log entry whose own ID is not the phone's — not derived from one of
 * its uploaded keys, in the slot of the sighting's time — or -1 when every entry is its own.
 * Without this rule anyone could upload a log in another phone's name.
 */
export function firstForeignOwnId(
  table: IdTable,
  log: readonly { readonly ownId: string; readonly timestamp: number }[],
): number {
  for (let i = 0; i < log.length; i++) {
    const e = log[i]!;
    if (table.slotById.get(e.ownId) !== epochSlot(e.timestamp, table.slotSeconds)) return i;
  }
  return -1;
}
