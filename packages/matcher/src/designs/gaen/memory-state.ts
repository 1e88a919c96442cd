import { type GaenRetentionBounds, type GaenRetentionReport, keyEnd } from "./retention.js";
import type { GaenUploadRecord, KeyForBatch, StoredKey } from "./store.js";
import { countPrivacy } from "./store.js";

/**
 * One change of the GAEN memory store: what its journal holds, one record a line, and what
 * replaying it applies. `key` and `sealed` only appear in a rewritten journal (the state as
 * it stood, see GaenMemoryStore.rewrite).
 */
export type GaenRecord =
  | { op: "add"; upload: GaenUploadRecord; keys: KeyForBatch[] }
  | { op: "seal"; batch: number }
  | { op: "export"; batch: number; name: string; zip: string }
  | { op: "retain"; bounds: GaenRetentionBounds }
  | { op: "upload"; upload: GaenUploadRecord }
  | { op: "key"; key: StoredKey; pending: number | null };

export interface AddResult {
  accepted: number;
  firstBatch: number;
  lastBatch: number;
}

/** The GAEN store's records in memory; every change is one GaenRecord applied. */
export class GaenMemoryState {
  readonly uploads = new Map<string, GaenUploadRecord>();
  readonly keys = new Map<string, StoredKey>();
  /** Batches with keys and no export yet: batch → its keys (hex), in arrival order. */
  readonly batches = new Map<number, string[]>();
  readonly exports = new Map<string, { batch: number; zip: Uint8Array }>();
  sealed = -1;

  apply(r: GaenRecord): AddResult | GaenRetentionReport | null {
    switch (r.op) {
      case "add":
        return this.add(r.upload, r.keys);
      case "seal":
        this.sealed = Math.max(this.sealed, r.batch);
        return null;
      case "export":
        if (!this.exports.has(r.name)) {
          this.exports.set(r.name, {
            batch: r.batch,
            zip: new Uint8Array(Buffer.from(r.zip, "base64")),
          });
        }
        this.batches.delete(r.batch);
        return null;
      case "retain":
        return this.retain(r.bounds);
      case "upload":
        this.uploads.set(r.upload.uploadId, r.upload);
        return null;
      case "key":
        this.keys.set(r.key.key, r.key);
        if (r.pending !== null) this.pendingList(r.pending).push(r.key.key);
        return null;
    }
  }

  private add(upload: GaenUploadRecord, keys: readonly KeyForBatch[]): AddResult {
    this.uploads.set(upload.uploadId, upload);
    let accepted = 0;
    let lastBatch = -1;
    let firstBatch = -1;
    for (const { batch, ...k } of keys) {
      if (this.keys.has(k.key)) continue;
      this.keys.set(k.key, k);
      // A key never joins a batch already sealed.
      const b = Math.max(batch, this.sealed + 1);
      this.pendingList(b).push(k.key);
      accepted++;
      lastBatch = Math.max(lastBatch, b);
      firstBatch = firstBatch < 0 ? b : Math.min(firstBatch, b);
    }
    return { accepted, firstBatch, lastBatch };
  }

  private pendingList(batch: number): string[] {
    let list = this.batches.get(batch);
    if (list === undefined) {
      list = [];
      this.batches.set(batch, list);
    }
    return list;
  }

  private retain(b: GaenRetentionBounds): GaenRetentionReport {
    let keys = 0;
    let uploads = 0;
    let exports = 0;
    let batches = 0;
    for (const [hex, k] of this.keys) {
      if (keyEnd(k) <= b.keysEndingBy) {
        this.keys.delete(hex);
        keys++;
      }
    }
    for (const [id, u] of this.uploads) {
      if (u.receivedAt < b.uploadsBefore) {
        this.uploads.delete(id);
        uploads++;
      }
    }
    for (const [name, e] of this.exports) {
      if (e.batch <= b.batchesUpTo) {
        this.exports.delete(name);
        exports++;
      }
    }
    for (const [batch, list] of this.batches) {
      const kept = list.filter((hex) => this.keys.has(hex));
      if (batch <= b.batchesUpTo || kept.length === 0) {
        this.batches.delete(batch);
        batches++;
      } else if (kept.length < list.length) {
        this.batches.set(batch, kept);
      }
    }
    return { keys, uploads, exports, batches };
  }

  /** The keys of a batch still held, in arrival order. */
  batchKeys(batch: number): StoredKey[] {
    const out: StoredKey[] = [];
    for (const hex of this.batches.get(batch) ?? []) {
      const k = this.keys.get(hex);
      if (k !== undefined) out.push(k);
    }
    return out;
  }

  /** The records that rebuild this state from nothing (a rewritten journal). */
  *records(): Generator<GaenRecord> {
    if (this.sealed >= 0) yield { op: "seal", batch: this.sealed };
    for (const upload of this.uploads.values()) yield { op: "upload", upload };
    const pendingOf = new Map<string, number>();
    for (const [batch, list] of this.batches) for (const hex of list) pendingOf.set(hex, batch);
    for (const key of this.keys.values()) {
      yield { op: "key", key, pending: pendingOf.get(key.key) ?? null };
    }
    for (const [name, e] of this.exports) {
      const zip = Buffer.from(e.zip.buffer, e.zip.byteOffset, e.zip.length).toString("base64");
      yield { op: "export", batch: e.batch, name, zip };
    }
  }

  exportNames(): string[] {
    return [...this.exports.entries()]
      .sort((a, b) => a[1].batch - b[1].batch || (a[0] < b[0] ? -1 : 1))
      .map(([name]) => name);
  }

  privacy() {
    return countPrivacy(this.uploads.values());
  }

  storageBytes(): number {
    let bytes = 0;
    for (const u of this.uploads.values()) bytes += JSON.stringify(u).length;
    for (const k of this.keys.values()) bytes += JSON.stringify(k).length;
    for (const e of this.exports.values()) bytes += e.zip.length;
    return bytes;
  }
}
