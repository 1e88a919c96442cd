/** What the GAEN design's server keeps (docs/PROTOCOLS.md, "GAEN"): memory or Redis. */
import type { GaenRetentionBounds, GaenRetentionReport } from "./retention.js";

/** A stored temporary exposure key, as it goes into an export. */
export interface StoredKey {
  /** The TEK, lowercase hex. */
  readonly key: string;
  readonly rollingStartIntervalNumber: number;
  readonly rollingPeriod: number;
  /** export.proto's ReportType: 1 CONFIRMED_TEST, 4 RECURSIVE. */
  readonly reportType: 1 | 4;
}

/** One accepted upload: which phone sent keys, when, and as what. No key, no contact. */
export interface GaenUploadRecord {
  readonly uploadId: string;
  readonly phoneId: string;
  readonly reportType: "confirmed" | "recursive";
  readonly receivedAt: number;
}

/** A key with the batch its publication time falls in (floor(time / period)). */
export interface KeyForBatch extends StoredKey {
  readonly batch: number;
}

/** What an operator of the store can learn of the contact graph, counted from its records. */
export interface DesignPrivacy {
  /**
   * Phones that are not index persons (no confirmed upload) that the store's records tie to at
   * least one contact: here, phones that uploaded as RECURSIVE (a notified contact).
   */
  readonly nonIndexPhonesKnown: number;
  /** Contact-graph edges (two phones in one record) the records hold. */
  readonly contactEdgesKnown: number;
}

export interface GaenStore {
  readonly kind: "memory" | "redis";
  /**
   * Records the upload and stores each key not stored before, in batch max(key.batch, highest
   * sealed batch + 1) so a key never joins a batch already built. Returns how many keys were
   * new and the first and last batch they went to (−1: none).
   */
  addKeys(
    upload: GaenUploadRecord,
    keys: readonly KeyForBatch[],
  ): Promise<{ accepted: number; firstBatch: number; lastBatch: number }>;
  /** Batches ≤ upTo that hold keys and have no export yet, ascending. */
  pendingBatches(upTo: number): Promise<number[]>;
  /** Seals every batch ≤ batch (no key joins them from now on) and returns batch's keys. */
  sealBatch(batch: number): Promise<StoredKey[]>;
  /** Stores batch's export under name unless one is stored (another process built it first). */
  putExport(batch: number, name: string, zip: Uint8Array): Promise<void>;
  /** Every export's name, in batch order. */
  exportNames(): Promise<string[]>;
  getExport(name: string): Promise<Uint8Array | null>;
  /** The signing key (PKCS#8 PEM): the stored one, else `generate()`'s, stored for everyone. */
  signingKey(generate: () => string): Promise<string>;
  /**
   * Deletes the keys, upload records, exports and unexported batches the bounds name
   * (retention.ts); index.txt stops listing the exports at once.
   */
  retain(bounds: GaenRetentionBounds): Promise<GaenRetentionReport>;
  /** The privacy counts, counted over the stored upload records. */
  privacy(): Promise<DesignPrivacy>;
  /** Bytes held: upload records, keys, exports. */
  storageBytes(): Promise<number>;
  close(): Promise<void>;
}

/** Counts DesignPrivacy over upload records (shared by both stores). */
export function countPrivacy(uploads: Iterable<GaenUploadRecord>): DesignPrivacy {
  const index = new Set<string>();
  const recursive = new Set<string>();
  let edges = 0;
  for (const u of uploads) {
    (u.reportType === "confirmed" ? index : recursive).add(u.phoneId);
    // A record names one phone, its uploader: an edge needs two. Nothing ties an upload to
    // whom it met, so a recursive upload carries no link to its F0.
    edges += phonesNamedBy(u) - 1;
  }
  let nonIndex = 0;
  for (const p of recursive) if (!index.has(p)) nonIndex++;
  return { nonIndexPhonesKnown: nonIndex, contactEdgesKnown: edges };
}

function phonesNamedBy(u: GaenUploadRecord): number {
  return new Set([u.phoneId]).size;
}
