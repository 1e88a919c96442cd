import type { KeyPush, LogEntry, Notification, UploadAck } from "@tracebed/protocol";
import { Journal, JournalError, type JournalHooks } from "./journal.js";
import { type Applied, MemoryState } from "./state.js";
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
  StoreStats,
  TokenRecord,
} from "./types.js";

/** The journaled mutations: each record is `{ op, input }` and replays as state[op](input). */
type Op = "insertCode" | "redeemCode" | "putUpload" | "pushIndex" | "notify";
const OPS: ReadonlySet<string> = new Set<Op>([
  "insertCode",
  "redeemCode",
  "putUpload",
  "pushIndex",
  "notify",
]);

export interface MemoryStoreOptions {
  /** Directory of the append-only log; null keeps everything in memory only (tests, demos). */
  readonly dataDir: string | null;
  readonly hooks?: JournalHooks;
}

/**
 * The embedded store: state in memory, every change appended to a JSON-lines journal and
 * fsync'ed (group commit) before the call resolves; on open the journal is replayed. Reads
 * wait for the journal to catch up, so nothing not yet durable is ever shown to a client.
 */
export class MemoryStore implements MatcherStore {
  readonly kind = "memory" as const;
  private readonly failures = new Map<string, { count: number; until: number }>();
  private readonly connected = new Map<string, number>();
  private closed = false;

  private constructor(
    private readonly state: MemoryState,
    private readonly journal: Journal | null,
  ) {}

  /** Opens the store, replaying DIR/journal.ndjson if there is one. */
  static async open(options: MemoryStoreOptions): Promise<MemoryStore> {
    const state = new MemoryState();
    let journal: Journal | null = null;
    if (options.dataDir !== null) {
      journal = await Journal.open(
        options.dataDir,
        (record, line) => applyRecord(state, record, line),
        options.hooks,
      );
    }
    return new MemoryStore(state, journal);
  }

  /** Records replayed and torn bytes dropped when the journal was opened. */
  get journalStats() {
    return this.journal?.openStats ?? { replayed: 0, droppedBytes: 0 };
  }

  get journalPath(): string | null {
    return this.journal?.path ?? null;
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

  async noteRedeemFailure(phoneId: string, now: number, windowSeconds: number): Promise<number> {
    this.check();
    const f = this.failures.get(phoneId);
    if (f === undefined || f.until <= now) {
      this.failures.set(phoneId, { count: 1, until: now + windowSeconds });
      if (this.failures.size > 100_000) this.pruneFailures(now);
      return 1;
    }
    return ++f.count;
  }

  async redeemFailures(phoneId: string, now: number): Promise<number> {
    this.check();
    const f = this.failures.get(phoneId);
    return f === undefined || f.until <= now ? 0 : f.count;
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

  async notificationsOf(phoneId: string): Promise<Notification[]> {
    await this.read();
    return this.state.notificationsOf(phoneId);
  }

  async stats(): Promise<StoreStats> {
    await this.read();
    return this.state.stats();
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
    await this.journal?.close();
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

function applyRecord(state: MemoryState, record: unknown, line: number): void {
  const r = record as { op?: unknown; input?: unknown } | null;
  if (r === null || typeof r !== "object" || typeof r.op !== "string" || !OPS.has(r.op)) {
    throw new JournalError(`journal line ${line}: not a record this matcher knows`);
  }
  // biome-ignore lint/suspicious/noExplicitAny: the journal holds exactly what the op took.
  (state[r.op as Op] as (input: any) => unknown).call(state, r.input);
}
