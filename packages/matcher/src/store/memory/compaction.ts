import { open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import {
  journalName,
  listDataDir,
  olderThan,
  removeFiles,
  snapshotName,
  syncDir,
} from "./data-dir.js";
import { Journal, type JournalHooks } from "./journal.js";
import { encodeSnapshot } from "./snapshot.js";
import type { StateView } from "./state.js";
import { writeFully } from "./write-fully.js";

/*
 * Compaction bounds the journal, like Redis's AOF rewrite. From generation G to N = G + 1:
 *
 *   1. create journal N, fsync the directory;
 *   2. the consistent point, synchronous: capture the state, send later records to journal N
 *      (which flushes only after journal G's last record is durable);
 *   3. write the capture to snapshot-N.tbsnap.tmp in chunks, fsync it;
 *   4. once journal G is flushed and closed: rename it to snapshot-N.tbsnap, fsync the directory;
 *   5. remove the files of generations before N.
 *
 * Until step 4 the old chain (snapshot G, journals G…N) is whole and open() uses it; from then
 * on the new one is, and the old files are garbage. A failure before step 4 leaves the store
 * writing journal N of the old chain.
 */

/** Where a test may stop a compaction (to copy the directory as a crash would leave it, or throw). */
export type CompactionStep =
  | "journal-opened"
  | "snapshot-written"
  | "snapshot-renamed"
  | "before-remove";

export type Failpoint = (step: CompactionStep) => void | Promise<void>;

export interface CompactionReport {
  readonly generation: number;
  readonly snapshotPath: string;
  readonly snapshotBytes: number;
  readonly records: number;
  /** The journal bytes the snapshot replaces (since the previous snapshot, up to step 2). */
  readonly journalBytes: number;
  /** Files of earlier generations removed (or left, if removing them failed: see warning). */
  readonly removed: readonly string[];
  readonly warning: string | null;
  readonly seconds: number;
}

/** What the store lends a compaction. */
export interface CompactionHost {
  readonly dir: string;
  /** The generation of the journal in use. */
  readonly generation: number;
  readonly journalHooks: JournalHooks;
  /** True once the store is closing: the compaction gives up between chunks. */
  readonly stopping: boolean;
  /**
   * Step 2, synchronous: captures the state and appends from now on to `next` (generation
   * `generation`). Returns the capture, the journal bytes since the last snapshot, and the
   * replaced journal's retirement (resolved once its last record is durable and it is closed).
   */
  rotate(
    next: Journal,
    generation: number,
  ): { view: StateView; journalBytes: number; retired: Promise<void> };
  /** Ends the capture. */
  release(): void;
}

export async function compact(
  host: CompactionHost,
  failpoint?: Failpoint,
): Promise<CompactionReport> {
  const started = performance.now();
  const { dir } = host;
  const generation = host.generation + 1;
  const next = await Journal.create(join(dir, journalName(generation)), host.journalHooks);
  try {
    await syncDir(dir);
    if (host.stopping) throw new Error("the store is closing");
  } catch (err) {
    await next.close();
    throw err;
  }
  const { view, journalBytes, retired } = host.rotate(next, generation);

  const path = join(dir, snapshotName(generation));
  const tmp = `${path}.tmp`;
  let written: { bytes: number; records: number };
  try {
    await failpoint?.("journal-opened");
    const chunks = encodeSnapshot(view, { generation, createdAt: Date.now() });
    written = await writeFile(tmp, chunks, host);
    host.release();
    await failpoint?.("snapshot-written");
    // The snapshot holds the old journal's last records: they must be durable there first,
    // or a failed flush (refused to its callers) would come back from the snapshot.
    await retired;
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => {});
    throw err;
  } finally {
    host.release(); // if not yet
  }
  await rename(tmp, path);
  await syncDir(dir);
  await failpoint?.("snapshot-renamed");

  const stale = olderThan(await listDataDir(dir), generation);
  let warning: string | null = null;
  try {
    await failpoint?.("before-remove");
    await removeFiles(dir, stale);
  } catch (err) {
    // The new chain is whole: the old files are only garbage, removed by the next open.
    warning = `could not remove ${stale.join(", ")}: ${(err as Error).message}`;
  }
  return {
    generation,
    snapshotPath: path,
    snapshotBytes: written.bytes,
    records: written.records,
    journalBytes,
    removed: stale,
    warning,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Writes the chunks to a new file and fsyncs it, giving up if the store stops. */
async function writeFile(
  path: string,
  chunks: Generator<Buffer[], { records: number }>,
  host: CompactionHost,
): Promise<{ bytes: number; records: number }> {
  const fh = await open(path, "w", 0o600);
  try {
    let bytes = 0;
    for (let c = chunks.next(); ; c = chunks.next()) {
      if (c.done) {
        await fh.sync();
        return { bytes, records: c.value.records };
      }
      bytes += await writeFully(fh, c.value);
      if (host.stopping) throw new Error("the store is closing");
    }
  } finally {
    await fh.close();
  }
}
