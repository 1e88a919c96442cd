import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import {
  CORRUPT_SUFFIX,
  chainJournals,
  type DataDirListing,
  journalName,
  listDataDir,
  olderThan,
  removeFiles,
  snapshotName,
  syncDir,
} from "./data-dir.js";
import { Journal, JournalError, type JournalHooks, readJournal } from "./journal.js";
import { readSnapshot, SnapshotError } from "./snapshot.js";
import { MemoryState, type StateParts } from "./state.js";

export interface RecoveryStats {
  /** Journal records replayed (after the snapshot, if any). */
  readonly replayed: number;
  /** Bytes of a torn last record that were dropped (a crash mid-write). */
  readonly droppedBytes: number;
  /** The snapshot loaded, if any. */
  readonly snapshot: { readonly generation: number; readonly bytes: number } | null;
  readonly journals: number;
  readonly seconds: number;
}

export interface Recovered {
  readonly state: MemoryState;
  /** The newest journal of the chain, open for appends. */
  readonly journal: Journal;
  readonly generation: number;
  /** Bytes of the chain's journals before the one in use. */
  readonly olderJournalBytes: number;
  readonly stats: RecoveryStats;
}

/**
 * Opens a data directory (see data-dir.ts): the newest snapshot that reads whole and has its
 * journals, then those journals replayed in order; a directory of today's layout (only
 * journal.ndjson) is generation 0 without a snapshot. A corrupt newest snapshot is passed
 * over, with a warning, only for an older whole chain; else its SnapshotError stops the open.
 */
export async function recover(
  dir: string,
  apply: (state: MemoryState, record: unknown, where: string) => void,
  hooks: JournalHooks,
  warn: (line: string) => void,
): Promise<Recovered> {
  const started = performance.now();
  await mkdir(dir, { recursive: true });
  const listing = await listDataDir(dir);
  for (const t of listing.temps) await rm(join(dir, t), { force: true });

  let loaded: { generation: number; parts: StateParts; bytes: number } | null = null;
  let bad: SnapshotError | null = null;
  const passedOver: string[] = [];
  for (const generation of listing.snapshots) {
    if (chainJournals(listing, generation) === null) continue;
    const path = join(dir, snapshotName(generation));
    try {
      const s = await readSnapshot(path);
      if (s.generation !== generation) {
        throw new SnapshotError(`${path}: holds generation ${s.generation}, not ${generation}`);
      }
      loaded = { generation, parts: s.parts, bytes: (await stat(path)).size };
      break;
    } catch (err) {
      if (!(err instanceof SnapshotError)) throw err;
      bad ??= err;
      passedOver.push(path);
    }
  }
  const generation = loaded?.generation ?? 0;
  const journals = chainJournals(listing, generation) ?? noChain(dir, listing, bad);
  if (bad !== null) {
    // Kept for inspection under a name no open reads again (it would warn at every start).
    for (const path of passedOver) await rename(path, `${path}${CORRUPT_SUFFIX}`);
    await syncDir(dir);
    const from = loaded === null ? journalName(0) : snapshotName(loaded.generation);
    warn(
      `${bad.message}; opened the older chain from ${from}; kept the snapshot as *${CORRUPT_SUFFIX}`,
    );
  }

  const state = new MemoryState(loaded?.parts);
  let replayed = 0;
  let olderJournalBytes = 0;
  let torn: { path: string; goodEnd: number } | null = null;
  let journal: Journal | null = null;
  for (const [i, g] of journals.entries()) {
    const path = join(dir, journalName(g));
    const onRecord = (record: unknown, line: number) => apply(state, record, `${path}:${line}`);
    if (i < journals.length - 1) {
      const r = await readJournal(path, onRecord);
      if (torn !== null && r.size > 0) throw tornBefore(torn.path, path);
      if (r.size > r.goodEnd) torn ??= { path, goodEnd: r.goodEnd };
      replayed += r.records;
      olderJournalBytes += r.goodEnd;
    } else {
      journal = await Journal.openFile(path, onRecord, hooks);
      if (torn !== null && journal.size > 0) {
        await journal.close();
        throw tornBefore(torn.path, path);
      }
      replayed += journal.openStats.replayed;
    }
  }
  // A crash in the last write of a rotated journal, before the next one got anything.
  if (torn !== null) await cutAt(torn.path, torn.goodEnd);
  await removeFiles(dir, olderThan(listing, generation));

  return {
    state,
    journal: journal!,
    generation: journals.at(-1)!,
    olderJournalBytes,
    stats: {
      replayed,
      droppedBytes: journal!.openStats.droppedBytes,
      snapshot: loaded === null ? null : { generation, bytes: loaded.bytes },
      journals: journals.length,
      seconds: (performance.now() - started) / 1000,
    },
  };
}

function noChain(dir: string, listing: DataDirListing, bad: SnapshotError | null): number[] {
  if (listing.journals.length === 0 && listing.snapshots.length === 0) return [0];
  if (bad !== null) throw bad;
  const first = listing.journals[0];
  throw new JournalError(
    first === undefined
      ? `${dir}: snapshots without their journals`
      : `${join(dir, journalName(first))}: no snapshot or earlier journal before it`,
  );
}

function tornBefore(path: string, later: string): JournalError {
  return new JournalError(`${path}: its last record is torn, yet ${later} follows it`);
}

async function cutAt(path: string, size: number): Promise<void> {
  const fh = await open(path, "r+");
  try {
    await fh.truncate(size);
    await fh.datasync();
  } finally {
    await fh.close();
  }
}
