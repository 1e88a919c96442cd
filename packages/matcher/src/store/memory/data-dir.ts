import { open, readdir, rm } from "node:fs/promises";
import { join } from "node:path";

/*
 * The memory store's directory: generations of (snapshot, journal) files.
 *
 *   snapshot-G.tbsnap   the state before any record of journal G (see snapshot.ts)
 *   journal-G.ndjson    the records after it, then journal G+1, … up to the one in use
 *   journal.ndjson      generation 0: the journal of a store that never compacted (no snapshot)
 *   *.tmp               a snapshot being written; never read, removed at open
 *   *.corrupt           a snapshot open could not read and passed over; kept, never read
 *
 * A chain is a snapshot G (or none, for G = 0) and every journal from G to the newest, with
 * no gap. Files of generations before the newest snapshot are garbage once it is durable.
 */

export const JOURNAL_FILE = "journal.ndjson";
export const CORRUPT_SUFFIX = ".corrupt";
const JOURNAL = /^journal-(\d+)\.ndjson$/;
const SNAPSHOT = /^snapshot-(\d+)\.tbsnap$/;
const TEMP = /\.tmp$/;

export function journalName(generation: number): string {
  return generation === 0 ? JOURNAL_FILE : `journal-${pad(generation)}.ndjson`;
}

export function snapshotName(generation: number): string {
  return `snapshot-${pad(generation)}.tbsnap`;
}

export interface DataDirListing {
  /** Generations with a snapshot, newest first. */
  readonly snapshots: readonly number[];
  /** Generations with a journal, oldest first. */
  readonly journals: readonly number[];
  /** Snapshots left half-written by a crash. */
  readonly temps: readonly string[];
}

export async function listDataDir(dir: string): Promise<DataDirListing> {
  const snapshots: number[] = [];
  const journals: number[] = [];
  const temps: string[] = [];
  for (const name of await readdir(dir)) {
    const s = SNAPSHOT.exec(name);
    const j = JOURNAL.exec(name);
    if (s) snapshots.push(Number(s[1]));
    else if (j) journals.push(Number(j[1]));
    else if (name === JOURNAL_FILE) journals.push(0);
    else if (TEMP.test(name) && name.startsWith("snapshot-")) temps.push(name);
  }
  snapshots.sort((a, b) => b - a);
  journals.sort((a, b) => a - b);
  return { snapshots, journals, temps };
}

/** The journals of the chain that starts at `generation`, oldest first; null if one is missing. */
export function chainJournals(listing: DataDirListing, generation: number): number[] | null {
  const after = listing.journals.filter((g) => g >= generation);
  if (after[0] !== generation) return null;
  for (let i = 1; i < after.length; i++) if (after[i] !== after[i - 1]! + 1) return null;
  return after;
}

/** The files a chain starting at `generation` makes garbage. */
export function olderThan(listing: DataDirListing, generation: number): string[] {
  return [
    ...listing.journals.filter((g) => g < generation).map(journalName),
    ...listing.snapshots.filter((g) => g < generation).map(snapshotName),
  ];
}

/** Removes the files, then makes their removal durable. */
export async function removeFiles(dir: string, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  for (const name of names) await rm(join(dir, name), { force: true });
  await syncDir(dir);
}

/** fsync of a directory: makes the creation, renaming or removal of its entries durable. */
export async function syncDir(dir: string): Promise<void> {
  const d = await open(dir, "r");
  try {
    await d.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the file's own fsync still holds.
  } finally {
    await d.close();
  }
}

function pad(generation: number): string {
  return String(generation).padStart(6, "0");
}
