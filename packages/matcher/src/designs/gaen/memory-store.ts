import type { GaenStore, GaenUploadRecord, KeyForBatch, StoredKey } from "./store.js";
import { countPrivacy } from "./store.js";

/** The GAEN store in one process's memory (nothing survives a restart). */
export class GaenMemoryStore implements GaenStore {
  readonly kind = "memory" as const;
  private readonly uploads = new Map<string, GaenUploadRecord>();
  private readonly keys = new Map<string, StoredKey>();
  private readonly batches = new Map<number, string[]>();
  private readonly exports = new Map<string, { batch: number; zip: Uint8Array }>();
  private sealed = -1;
  private key: string | null = null;

  async addKeys(upload: GaenUploadRecord, keys: readonly KeyForBatch[]) {
    this.uploads.set(upload.uploadId, upload);
    let accepted = 0;
    let lastBatch = -1;
    let firstBatch = -1;
    for (const { batch, ...k } of keys) {
      if (this.keys.has(k.key)) continue;
      this.keys.set(k.key, k);
      const b = Math.max(batch, this.sealed + 1);
      const list = this.batches.get(b) ?? [];
      list.push(k.key);
      this.batches.set(b, list);
      accepted++;
      lastBatch = Math.max(lastBatch, b);
      firstBatch = firstBatch < 0 ? b : Math.min(firstBatch, b);
    }
    return { accepted, firstBatch, lastBatch };
  }

  async pendingBatches(upTo: number) {
    return [...this.batches.keys()].filter((b) => b <= upTo).sort((a, b) => a - b);
  }

  async sealBatch(batch: number) {
    this.sealed = Math.max(this.sealed, batch);
    return (this.batches.get(batch) ?? []).map((k) => this.keys.get(k)!);
  }

  async putExport(batch: number, name: string, zip: Uint8Array) {
    if (!this.exports.has(name)) this.exports.set(name, { batch, zip });
    this.batches.delete(batch);
  }

  async exportNames() {
    return [...this.exports.entries()]
      .sort((a, b) => a[1].batch - b[1].batch || (a[0] < b[0] ? -1 : 1))
      .map(([name]) => name);
  }

  async getExport(name: string) {
    return this.exports.get(name)?.zip ?? null;
  }

  async signingKey(generate: () => string) {
    this.key ??= generate();
    return this.key;
  }

  async privacy() {
    return countPrivacy(this.uploads.values());
  }

  async storageBytes() {
    let bytes = 0;
    for (const u of this.uploads.values()) bytes += JSON.stringify(u).length;
    for (const k of this.keys.values()) bytes += JSON.stringify(k).length;
    for (const e of this.exports.values()) bytes += e.zip.length;
    return bytes;
  }

  async close() {}
}
