import { once } from "node:events";
import { createReadStream } from "node:fs";
import { type FileHandle, mkdir, open, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { JOURNAL_FILE, syncDir } from "./data-dir.js";
import { writeFully } from "./write-fully.js";

export { JOURNAL_FILE };

/** A journal that could not be read back: a bad record before the last line. */
export class JournalError extends Error {
  override readonly name = "JournalError";
}

export interface JournalStats {
  /** Records replayed at open. */
  readonly replayed: number;
  /** Bytes of a torn last record that were dropped at open (a crash mid-write). */
  readonly droppedBytes: number;
}

export interface JournalHooks {
  /** Called after each write + fsync with the number of records it made durable. */
  onFlush?: (records: number, seconds: number) => void;
}

interface Waiter {
  readonly upTo: number;
  readonly resolve: () => void;
  readonly reject: (err: Error) => void;
}

/**
 * An append-only JSON-lines log with group commit. `append` resolves once its record is on
 * disk (written and fdatasync'ed); records appended while a write is in flight go out
 * together in the next write, so one fsync covers a whole batch and throughput stays high.
 * `open` replays every record; a torn last line (a crash mid-write) is dropped and cut off.
 */
export class Journal {
  private pending: string[] = [];
  private appended = 0;
  private durable = 0;
  private waiters: Waiter[] = [];
  private flushing = false;
  private failed: Error | null = null;
  private closed = false;
  /** Set while an earlier journal's last records are not yet durable (see follow). */
  private after: Promise<void> | null = null;

  private constructor(
    private readonly fh: FileHandle,
    readonly path: string,
    readonly openStats: JournalStats,
    private readonly hooks: JournalHooks,
    private bytes: number,
  ) {}

  /** Opens (creating) DIR/journal.ndjson and feeds every record to `onRecord`, in order. */
  static async open(
    dir: string,
    onRecord: (record: unknown, line: number) => void,
    hooks: JournalHooks = {},
  ): Promise<Journal> {
    await mkdir(dir, { recursive: true });
    return Journal.openFile(join(dir, JOURNAL_FILE), onRecord, hooks);
  }

  /** Opens (creating) a journal file and feeds every record to `onRecord`, in order. */
  static async openFile(
    path: string,
    onRecord: (record: unknown, line: number) => void,
    hooks: JournalHooks = {},
  ): Promise<Journal> {
    const existed = await stat(path).then(
      () => true,
      () => false,
    );
    const { goodEnd, size, records } = existed
      ? await readJournal(path, onRecord)
      : { goodEnd: 0, size: 0, records: 0 };
    const fh = await open(path, "a+", 0o600);
    if (size > goodEnd) {
      await fh.truncate(goodEnd);
      await fh.datasync();
    }
    if (!existed) await syncDir(dirname(path));
    const stats = { replayed: records, droppedBytes: size - goodEnd };
    return new Journal(fh, path, stats, hooks, goodEnd);
  }

  /**
   * A new, empty journal file (emptied if it exists: a generation never used). The caller makes
   * its directory entry durable before appending.
   */
  static async create(path: string, hooks: JournalHooks = {}): Promise<Journal> {
    const fh = await open(path, "w", 0o600);
    return new Journal(fh, path, { replayed: 0, droppedBytes: 0 }, hooks, 0);
  }

  /**
   * Makes this journal continue `previous` (resolved once the journal it replaces has made its
   * last record durable): nothing here becomes durable, and no barrier passes, before that.
   * If the earlier journal failed, this one fails too.
   */
  follow(previous: Promise<void>): void {
    const after = previous.then(
      () => {
        if (this.after === after) this.after = null;
      },
      (err: unknown) => {
        this.fail(err);
        throw this.failed;
      },
    );
    after.catch(() => {}); // seen by the flush and by barrier()
    this.after = after;
  }

  /** Bytes of whole records in the file: those found at open and those written since. */
  get size(): number {
    return this.bytes;
  }

  /** Resolves once `record` is durable; rejects if the journal failed or is closed. */
  append(record: unknown): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.closed) return Promise.reject(new Error("journal is closed"));
    this.pending.push(`${JSON.stringify(record)}\n`);
    this.appended++;
    const done = this.waitFor(this.appended);
    if (!this.flushing) {
      this.flushing = true;
      setImmediate(() => void this.flushLoop());
    }
    return done;
  }

  /** Resolves once everything appended so far is durable. */
  barrier(): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.durable >= this.appended) return this.after ?? Promise.resolve();
    return this.waitFor(this.appended);
  }

  /** Whether a write or fsync failed (the in-memory state may then be ahead of the disk). */
  get failure(): Error | null {
    return this.failed;
  }

  /** Flushes what is pending and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (!this.failed) await this.barrier();
    } finally {
      await this.fh.close();
    }
  }

  /** Flushes what is pending and closes the file; rejects if any of it failed. */
  async retire(): Promise<void> {
    const failure = await this.barrier().then(
      () => null,
      (err: unknown) => err,
    );
    await this.close();
    if (failure !== null) throw failure;
  }

  private waitFor(upTo: number): Promise<void> {
    return new Promise((resolve, reject) => this.waiters.push({ upTo, resolve, reject }));
  }

  private async flushLoop(): Promise<void> {
    try {
      if (this.after !== null) await this.after;
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        const started = performance.now();
        this.bytes += await writeFully(
          this.fh,
          batch.map((l) => Buffer.from(l, "utf8")),
        );
        await this.fh.datasync();
        this.durable += batch.length;
        this.hooks.onFlush?.(batch.length, (performance.now() - started) / 1000);
        this.release();
      }
    } catch (err) {
      this.fail(err);
    } finally {
      this.flushing = false;
    }
  }

  private fail(err: unknown): void {
    this.failed ??= err instanceof Error ? err : new Error(String(err));
    for (const w of this.waiters) w.reject(this.failed);
    this.waiters = [];
  }

  private release(): void {
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.upTo <= this.durable) w.resolve();
      else still.push(w);
    }
    this.waiters = still;
  }
}

/**
 * Reads every newline-terminated record. A last line without its newline, or a last line that
 * is not JSON, is a torn write: it is dropped. A bad line before a good one is corruption.
 */
export async function readJournal(
  path: string,
  onRecord: (record: unknown, line: number) => void,
): Promise<{ goodEnd: number; size: number; records: number }> {
  const stream = createReadStream(path);
  let carry: Buffer[] = [];
  let carryLength = 0;
  let offset = 0; // bytes consumed up to the end of the last complete line
  let goodEnd = 0;
  let records = 0;
  let line = 0;
  let badLine: { line: number; at: number; message: string } | null = null;
  const onLine = (buf: Buffer, end: number) => {
    line++;
    let record: unknown;
    try {
      record = JSON.parse(buf.toString("utf8"));
    } catch (err) {
      badLine ??= { line, at: goodEnd, message: (err as Error).message };
      return;
    }
    if (badLine !== null) {
      throw new JournalError(
        `${path}: line ${badLine.line} is not a JSON record (${badLine.message}) but later lines are`,
      );
    }
    onRecord(record, line);
    records++;
    goodEnd = end;
  };
  stream.on("data", (chunk) => {
    const data = chunk as Buffer;
    let start = 0;
    for (let nl = data.indexOf(10); nl !== -1; nl = data.indexOf(10, start)) {
      const piece = data.subarray(start, nl);
      const whole = carryLength === 0 ? piece : Buffer.concat([...carry, piece]);
      offset += carryLength + piece.length + 1;
      carry = [];
      carryLength = 0;
      try {
        onLine(whole, offset);
      } catch (err) {
        stream.destroy(err as Error);
        return;
      }
      start = nl + 1;
    }
    if (start < data.length) {
      carry.push(data.subarray(start));
      carryLength += data.length - start;
    }
  });
  await once(stream, "end");
  const size = offset + carryLength;
  return { goodEnd, size, records };
}
