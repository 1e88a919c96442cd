import { rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { JOURNAL_FILE, syncDir } from "../../store/memory/data-dir.js";
import { Journal, JournalError } from "../../store/memory/journal.js";
import { type AddResult, GaenMemoryState, type GaenRecord } from "./memory-state.js";
import type { GaenRetentionBounds, GaenRetentionReport } from "./retention.js";
import { readOrCreateSigningKey } from "./signing-key-file.js";
import type { GaenStore, GaenUploadRecord, KeyForBatch } from "./store.js";

/** The GAEN store's folder inside the matcher's data directory. */
export const GAEN_DATA_FOLDER = "gaen";
const REWRITE_TEMP = `${JOURNAL_FILE}.tmp`;
const OPS: ReadonlySet<string> = new Set(["add", "seal", "export", "retain", "upload", "key"]);

/**
 * The GAEN store in one process's memory. With a data directory, every change is appended to
 * DIR/gaen/journal.ndjson (the matcher's Journal: written and fsync'ed before the call
 * resolves) and replayed at open, and the signing key is kept in DIR/gaen/signing-key.pem
 * (mode 0600): a restarted server, even after kill -9, holds every key it acknowledged and
 * serves the same exports, signed with the same key. Reads wait for the journal, so nothing
 * not yet durable is listed. A retention sweep that deletes anything rewrites the journal
 * as the state left, so what was deleted is not kept on disk either.
 */
export class GaenMemoryStore implements GaenStore {
  readonly kind = "memory" as const;
  private key: string | null = null;
  /** Set while the journal is rewritten: changes wait for it. */
  private rewriting: Promise<void> | null = null;

  private constructor(
    private readonly state: GaenMemoryState,
    private readonly dir: string | null,
    private journal: Journal | null,
  ) {}

  /** dataDir null: nothing survives a restart. Else DIR/gaen/ is replayed and kept. */
  static async open(dataDir: string | null): Promise<GaenMemoryStore> {
    const state = new GaenMemoryState();
    if (dataDir === null) return new GaenMemoryStore(state, null, null);
    const dir = join(dataDir, GAEN_DATA_FOLDER);
    // A rewrite cut short by a crash: the journal it was to replace is still whole.
    await rm(join(dir, REWRITE_TEMP), { force: true });
    const journal = await Journal.open(dir, (record, line) => {
      const r = record as GaenRecord;
      if (typeof r !== "object" || r === null || !OPS.has(r.op)) {
        throw new JournalError(`${join(dir, JOURNAL_FILE)}: line ${line} is not a GAEN record`);
      }
      state.apply(r);
    });
    return new GaenMemoryStore(state, dir, journal);
  }

  /** Applies a change now and resolves once it is durable. */
  private async change<T>(record: GaenRecord): Promise<T> {
    while (this.rewriting !== null) await this.rewriting.catch(() => {});
    const result = this.state.apply(record) as T;
    await this.journal?.append(record);
    return result;
  }

  /** Resolves once every change made so far is durable (before a read shows it). */
  private async durable(): Promise<void> {
    await this.journal?.barrier();
  }

  addKeys(upload: GaenUploadRecord, keys: readonly KeyForBatch[]): Promise<AddResult> {
    return this.change<AddResult>({ op: "add", upload, keys: [...keys] });
  }

  async pendingBatches(upTo: number) {
    await this.durable();
    return [...this.state.batches.keys()].filter((b) => b <= upTo).sort((a, b) => a - b);
  }

  async sealBatch(batch: number) {
    await this.change({ op: "seal", batch });
    return this.state.batchKeys(batch);
  }

  async putExport(batch: number, name: string, zip: Uint8Array) {
    const base64 = Buffer.from(zip.buffer, zip.byteOffset, zip.length).toString("base64");
    await this.change({ op: "export", batch, name, zip: base64 });
  }

  async exportNames() {
    await this.durable();
    return this.state.exportNames();
  }

  async getExport(name: string) {
    await this.durable();
    return this.state.exports.get(name)?.zip ?? null;
  }

  async signingKey(generate: () => string) {
    this.key ??= this.dir === null ? generate() : await readOrCreateSigningKey(this.dir, generate);
    return this.key;
  }

  async retain(bounds: GaenRetentionBounds): Promise<GaenRetentionReport> {
    const report = await this.change<GaenRetentionReport>({ op: "retain", bounds });
    const deleted = report.keys + report.uploads + report.exports + report.batches;
    if (deleted > 0 && this.journal !== null) {
      this.rewriting ??= this.rewrite().finally(() => {
        this.rewriting = null;
      });
      await this.rewriting;
    }
    return report;
  }

  /**
   * Replaces the journal by the records of the state as it is now: written to a temporary
   * file, made durable, renamed over the journal. Until the rename the old journal stays
   * whole and in use, so a crash at any step loses nothing.
   */
  private async rewrite(): Promise<void> {
    const dir = this.dir!;
    const old = this.journal!;
    const temp = join(dir, REWRITE_TEMP);
    const next = await Journal.create(temp);
    try {
      for (const r of this.state.records()) next.append(r).catch(() => {});
      await next.barrier();
      await old.barrier();
      await rename(temp, join(dir, JOURNAL_FILE));
      await syncDir(dir);
    } catch (err) {
      await next.close().catch(() => {});
      await rm(temp, { force: true });
      throw err;
    }
    this.journal = next;
    await old.close();
  }

  async privacy() {
    await this.durable();
    return this.state.privacy();
  }

  async storageBytes() {
    return this.state.storageBytes();
  }

  async close() {
    while (this.rewriting !== null) await this.rewriting.catch(() => {});
    await this.journal?.close();
  }
}
