import type { KeyPush, LogEntry, Notification, UploadAck } from "@tracebed/protocol";
import type { FailureWindow } from "../common/records.js";
import { noteRedeemFailure, redeemFailures } from "../common/transitions/redeem-failures.js";
import type {
  CodeRecord,
  IndexRecord,
  MatcherStore,
  NewUpload,
  NotifyInput,
  PhoneRecord,
  PushPage,
  PutUploadResult,
  RedeemInput,
  RedeemResult,
  RetentionReport,
  StorageFigures,
  StoreStats,
  TokenRecord,
} from "../common/types.js";

export type { StorageFigures };

import {
  type CompactionHost,
  type CompactionReport,
  compact,
  type Failpoint,
} from "./compaction.js";
import { DirLock } from "./dir-lock.js";
import { type Journal, JournalError, type JournalHooks } from "./journal.js";
import { type RecoveryStats, recover } from "./recover.js";
import { type Applied, MemoryState, type StateView } from "./state.js";

/** The journaled mutations: each record is `{ op, input }` and replays as state[op](input). */
type Op =
  | "insertCode"
  | "redeemCode"
  | "putUpload"
  | "pushIndex"
  | "notify"
  | "lowerWindowStart"
  | "registerPhone"
  | "retain";
const OPS: ReadonlySet<string> = new Set<Op>([
  "registerPhone",
  "retain",
  "insertCode",
  "redeemCode",
  "putUpload",
  "pushIndex",
  "notify",
  "lowerWindowStart",
]);

export interface MemoryStoreHooks extends JournalHooks {
  onCompacted?: (report: CompactionReport) => void;
  /** Not called for a compaction given up because the store closes. */
  onCompactionFailed?: (err: Error) => void;
  /** A fault worked around at open: a corrupt snapshot passed over for an older chain. */
  onWarning?: (line: string) => void;
}

/** The journal since the last snapshot may grow to max(this, the snapshot's size). */
export const DEFAULT_COMPACT_AFTER_BYTES = 64 * 1024 * 1024;

export interface MemoryStoreOptions {
  /** Directory of the snapshot and journals; null keeps everything in memory only (tests, demos). */
  readonly dataDir: string | null;
  readonly hooks?: MemoryStoreHooks;
  /**
   * Compact once the journal since the last snapshot passes max(this, the last snapshot's
   * size), in bytes; 0: only when `compact()` is called. Default DEFAULT_COMPACT_AFTER_BYTES.
   */
  readonly compactAfterBytes?: number;
  /** Tests: called at each step of a compaction (see compaction.ts). */
  readonly failpoint?: Failpoint;
}

const NOT_OPENED: RecoveryStats = {
  replayed: 0,
  droppedBytes: 0,
  snapshot: null,
  journals: 0,
  seconds: 0,
};

/**
 * The embedded store: state in memory, every change appended to a JSON-lines journal and
 * fsync'ed (group commit) before the call resolves; on open the newest snapshot is loaded and
 * the journals after it replayed. Reads wait for the journal to catch up, so nothing not yet
 * durable is ever shown to a client. The journal is compacted into a snapshot as it grows.
 */
export class MemoryStore implements MatcherStore {
  readonly kind = "memory";
  /** Seam (MatcherStore.storageFigures): the snapshot's and journals' sizes. */
  readonly storageFigures = (): StorageFigures => this.storage;
  /** Not journaled: a restart forgets refused redemptions (limits start afresh). */
  private readonly failures = new Map<string, FailureWindow>();
  private readonly connected = new Map<string, number>();
  private closed = false;
  private journal: Journal | null = null;
  private lock: DirLock | null = null;
  private generation = 0;
  /** Journal bytes of the chain before the journal in use: from open, or a failed compaction. */
  private olderJournalBytes = 0;
  /** The journal a compaction in progress replaced. */
  private rotatedFrom: Journal | null = null;
  private snapshotBytes = 0;
  private compacting: Promise<CompactionReport> | null = null;
  /** After a failed compaction, the next automatic one waits for this much journal. */
  private retryAtBytes = 0;
  private recoveryStats = NOT_OPENED;
  private readonly compactAfterBytes: number;
  private readonly hooks: MemoryStoreHooks;
  private readonly journalHooks: JournalHooks;

  private constructor(
    private readonly state: MemoryState,
    private readonly options: MemoryStoreOptions,
  ) {
    this.hooks = options.hooks ?? {};
    this.compactAfterBytes = options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES;
    this.journalHooks = {
      onFlush: (records, seconds) => {
        this.hooks.onFlush?.(records, seconds);
        this.maybeCompact();
      },
    };
  }

  /** Opens the store: the newest snapshot in `dataDir`, then the journals after it. */
  static async open(options: MemoryStoreOptions): Promise<MemoryStore> {
    const after = options.compactAfterBytes;
    if (after !== undefined && (!Number.isSafeInteger(after) || after < 0)) {
      throw new RangeError("compactAfterBytes: must be a whole number of bytes, 0 or more");
    }
    if (options.dataDir === null) return new MemoryStore(new MemoryState(), options);
    const lock = await DirLock.acquire(options.dataDir);
    // The journal's flush hook calls the store, which exists only once the state is rebuilt.
    let store: MemoryStore | null = null;
    const r = await recover(
      options.dataDir,
      applyRecord,
      {
        onFlush: (records, seconds) => store?.journalHooks.onFlush?.(records, seconds),
      },
      options.hooks?.onWarning ?? (() => {}),
    ).catch(async (err: unknown) => {
      await lock.release();
      throw err;
    });
    store = new MemoryStore(r.state, options);
    store.lock = lock;
    store.journal = r.journal;
    store.generation = r.generation;
    store.olderJournalBytes = r.olderJournalBytes;
    store.snapshotBytes = r.stats.snapshot?.bytes ?? 0;
    store.recoveryStats = r.stats;
    return store;
  }

  /** What open found: the snapshot loaded, records replayed, torn bytes dropped, time taken. */
  get journalStats(): RecoveryStats {
    return this.recoveryStats;
  }

  /** The journal in use. */
  get journalPath(): string | null {
    return this.journal?.path ?? null;
  }

  get storage(): StorageFigures {
    return {
      generation: this.generation,
      journalBytes: this.journalBytes(),
      snapshotBytes: this.snapshotBytes,
    };
  }

  /**
   * Writes a snapshot of the state and starts a new journal after it, then removes the older
   * files (see compaction.ts). Runs beside the store's work; a call during one joins it.
   */
  compact(): Promise<CompactionReport> {
    if (this.options.dataDir === null) {
      return Promise.reject(new Error("no data directory: nothing to compact"));
    }
    try {
      this.check();
    } catch (err) {
      return Promise.reject(err);
    }
    this.compacting ??= this.runCompaction(this.options.dataDir);
    return this.compacting;
  }

  insertCode(rec: CodeRecord): Promise<boolean> {
    return this.mutate("insertCode", rec, (s) => s.insertCode(rec));
  }

  redeemCode(input: RedeemInput): Promise<RedeemResult> {
    return this.mutate("redeemCode", input, (s) => s.redeemCode(input));
  }

  async getUploadToken(token: string): Promise<TokenRecord | null> {
    await this.read();
    return this.state.getUploadToken(token);
  }

  async registerPhone(phoneId: string, secretHash: string, now: number): Promise<void> {
    const input = { phoneId, secretHash, now };
    await this.mutate("registerPhone", input, (s) => s.registerPhone(input));
  }

  async phoneOfSecret(secretHash: string): Promise<string | null> {
    await this.read();
    return this.state.phoneOfSecret(secretHash);
  }

  async noteRedeemFailure(key: string, now: number, windowSeconds: number): Promise<number> {
    this.check();
    const t = noteRedeemFailure(key, this.failures.get(key) ?? null, now, windowSeconds);
    for (const w of t.writes) if (w.op === "putFailures") this.failures.set(w.key, w.window);
    if (this.failures.size > 100_000) this.pruneFailures(now);
    return t.result;
  }

  async redeemFailures(key: string, now: number): Promise<number> {
    this.check();
    return redeemFailures(this.failures.get(key) ?? null, now);
  }

  async putUpload(upload: NewUpload): Promise<PutUploadResult> {
    const result = await this.mutate("putUpload", upload, (s) => s.putUpload(upload));
    // A replay may race the original's fsync: answer only once that is durable too.
    if (result.status !== "stored") await this.read();
    return result;
  }

  async getUpload(uploadId: string): Promise<UploadAck | null> {
    await this.read();
    return this.state.getUpload(uploadId);
  }

  async getPhone(phoneId: string): Promise<PhoneRecord | null> {
    await this.read();
    return this.state.getPhone(phoneId);
  }

  async getLog(phoneId: string): Promise<readonly LogEntry[]> {
    await this.read();
    return this.state.getLog(phoneId);
  }

  async getIndex(indexId: string): Promise<IndexRecord | null> {
    await this.read();
    return this.state.getIndex(indexId);
  }

  async listIndexIds(): Promise<string[]> {
    await this.read();
    return this.state.listIndexIds();
  }

  async candidatesOf(indexId: string): Promise<string[]> {
    await this.read();
    return this.state.candidatesOf(indexId);
  }

  pushIndex(indexId: string, pushedAt: number, windowDays: number): Promise<KeyPush | null> {
    const input = { indexId, pushedAt, windowDays };
    return this.mutate("pushIndex", input, (s) => s.pushIndex(input));
  }

  async listPushes(since: number, limit: number): Promise<PushPage> {
    await this.read();
    return this.state.listPushes(since, limit);
  }

  notify(input: NotifyInput): Promise<boolean> {
    return this.mutate("notify", input, (s) => s.notify(input));
  }

  lowerWindowStart(indexId: string, windowStart: number): Promise<boolean> {
    const input = { indexId, windowStart };
    return this.mutate("lowerWindowStart", input, (s) => s.lowerWindowStart(input));
  }

  async notificationsOf(phoneId: string): Promise<Notification[]> {
    await this.read();
    return this.state.notificationsOf(phoneId);
  }

  async stats(): Promise<StoreStats> {
    await this.read();
    return this.state.stats();
  }

  retain(now: number, windowDays: number): Promise<RetentionReport> {
    const input = { now, windowDays };
    return this.mutate("retain", input, (s) => s.retain(input));
  }

  async reportConnected(processId: string, count: number): Promise<void> {
    this.connected.set(processId, count);
  }

  async connectedPhones(): Promise<number> {
    let sum = 0;
    for (const n of this.connected.values()) sum += n;
    return sum;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.compacting?.catch(() => {});
    try {
      await this.journal?.close();
    } finally {
      await this.lock?.release();
    }
  }

  private async runCompaction(dir: string): Promise<CompactionReport> {
    const store = this;
    const host: CompactionHost = {
      dir,
      get generation() {
        return store.generation;
      },
      journalHooks: this.journalHooks,
      get stopping() {
        return store.closed;
      },
      rotate: (next, generation) => this.rotate(next, generation),
      release: () => this.state.release(),
    };
    try {
      const report = await compact(host, this.options.failpoint);
      this.olderJournalBytes = 0;
      this.snapshotBytes = report.snapshotBytes;
      this.retryAtBytes = 0;
      this.hooks.onCompacted?.(report);
      return report;
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      if (this.rotatedFrom !== null) this.olderJournalBytes += this.rotatedFrom.size;
      this.retryAtBytes = this.journalBytes() + this.threshold();
      if (!this.closed) this.hooks.onCompactionFailed?.(error);
      throw error;
    } finally {
      this.rotatedFrom = null;
      this.compacting = null;
    }
  }

  /** The consistent point of a compaction: no await between the capture and the switch. */
  private rotate(next: Journal, generation: number) {
    const previous = this.journal!;
    const journalBytes = this.olderJournalBytes + previous.size;
    const view: StateView = this.state.capture();
    const retired = previous.retire();
    next.follow(retired);
    this.journal = next;
    this.generation = generation;
    this.rotatedFrom = previous;
    return { view, journalBytes, retired };
  }

  private journalBytes(): number {
    return this.olderJournalBytes + (this.rotatedFrom?.size ?? 0) + (this.journal?.size ?? 0);
  }

  private threshold(): number {
    return Math.max(this.compactAfterBytes, this.snapshotBytes);
  }

  private maybeCompact(): void {
    if (this.compactAfterBytes === 0 || this.compacting !== null || this.closed) return;
    const bytes = this.journalBytes();
    if (bytes > this.threshold() && bytes >= this.retryAtBytes) {
      this.compact().catch(() => {}); // reported through the hooks
    }
  }

  /** Applies a mutation now (so later calls see it) and resolves once it is durable. */
  private async mutate<T>(op: Op, input: unknown, apply: (s: MemoryState) => Applied<T>) {
    this.check();
    const { result, changed } = apply(this.state);
    if (changed && this.journal !== null) await this.journal.append({ op, input });
    return result;
  }

  private async read(): Promise<void> {
    this.check();
    await this.journal?.barrier();
  }

  private check(): void {
    if (this.closed) throw new Error("store is closed");
    const failure = this.journal?.failure;
    if (failure) throw new Error(`journal failed, restart to recover: ${failure.message}`);
  }

  private pruneFailures(now: number): void {
    for (const [k, f] of this.failures) if (f.until <= now) this.failures.delete(k);
  }
}

function applyRecord(state: MemoryState, record: unknown, where: string): void {
  const r = record as { op?: unknown; input?: unknown } | null;
  if (r === null || typeof r !== "object" || typeof r.op !== "string" || !OPS.has(r.op)) {
    throw new JournalError(`${where}: not a record this matcher knows`);
  }
  // biome-ignore lint/suspicious/noExplicitAny: the journal holds exactly what the op took.
  (state[r.op as Op] as (input: any) => unknown).call(state, r.input);
}
