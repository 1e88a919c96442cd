import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { bluetrace } from "@tracebed/protocol";
import { ROLE_RANK, type Role, roleRank } from "../../store/common/types.js";
import { Journal } from "../../store/memory/journal.js";
import { encodeLog, mergeLogs } from "./log-merge.js";
import { privacyCounts } from "./privacy.js";
import type {
  BtGrant,
  BtIndex,
  BtNewUpload,
  BtNotifyInput,
  BtPutResult,
  BtRetention,
  BtStore,
} from "./store.js";

/** The folder of the BlueTrace journal inside the matcher's data directory. */
export const BT_JOURNAL_DIR = "bluetrace";

type UploadRecord = { readonly bodyHash: string; readonly ack: bluetrace.BtUploadAck };

/** One change to the store, as journalled and replayed (each applied by `apply`). */
type BtRecord =
  | { readonly t: "key"; readonly key: string }
  | { readonly t: "uid"; readonly phoneId: string; readonly uid: string }
  | {
      readonly t: "upload";
      readonly id: string;
      readonly phoneId: string;
      readonly upload: UploadRecord;
      readonly sightings: readonly bluetrace.KnownSighting[];
    }
  | { readonly t: "f0"; readonly index: BtIndex }
  | { readonly t: "notify"; readonly input: BtNotifyInput }
  | { readonly t: "lower"; readonly phoneId: string; readonly windowStart: number }
  | { readonly t: "retain"; readonly cutoff: number; readonly now: number };

/**
 * The BlueTrace store in this process's memory, every change journalled (fsync'ed, group
 * commit: store/memory/journal.ts) under DATA/bluetrace/ before it is acknowledged, so a killed
 * server keeps the key, the user ids, the logs, roles and grants it answered for. A null data
 * directory keeps nothing (tests).
 */
export class BtMemoryStore implements BtStore {
  readonly kind = "memory" as const;
  private serverKey: Uint8Array | null = null;
  private readonly uidByPhone = new Map<string, string>();
  private readonly phoneByUid = new Map<string, string>();
  private readonly uploads = new Map<string, UploadRecord>();
  private readonly logs = new Map<string, bluetrace.KnownSighting[]>();
  private readonly roles = new Map<string, Role>();
  private readonly indexes = new Map<string, BtIndex>();
  private readonly grantsByPhone = new Map<string, BtGrant>();
  private readonly grants = new Map<string, BtGrant>();
  private journal: Journal | null = null;
  /** User ids whose record is being made durable. */
  private readonly uidWrites = new Map<string, Promise<void>>();

  /** Replays DATA/bluetrace/journal.ndjson (dataDir null: nothing kept). */
  static async open(dataDir: string | null): Promise<BtMemoryStore> {
    const store = new BtMemoryStore();
    if (dataDir !== null) {
      store.journal = await Journal.open(join(dataDir, BT_JOURNAL_DIR), (r) =>
        store.apply(r as BtRecord),
      );
    }
    if (store.serverKey === null) {
      await store.write({ t: "key", key: randomBytes(bluetrace.KEY_BYTES).toString("base64") });
    }
    return store;
  }

  private constructor() {}

  /** Applies a change, then resolves once it is durable. */
  private async write(r: BtRecord): Promise<void> {
    this.apply(r);
    await this.journal?.append(r);
  }

  private apply(r: BtRecord): void {
    switch (r.t) {
      case "key":
        this.serverKey = new Uint8Array(Buffer.from(r.key, "base64"));
        return;
      case "uid":
        this.uidByPhone.set(r.phoneId, r.uid);
        this.phoneByUid.set(r.uid, r.phoneId);
        return;
      case "upload":
        this.uploads.set(r.id, r.upload);
        this.logs.set(r.phoneId, mergeLogs(this.logs.get(r.phoneId) ?? [], r.sightings));
        return;
      case "f0":
        this.roles.set(r.index.phoneId, "F0");
        this.indexes.set(r.index.phoneId, r.index);
        return;
      case "notify": {
        const { phoneId, notification, newIndex, grant } = r.input;
        this.roles.set(phoneId, notification.role);
        if (newIndex !== null) this.indexes.set(phoneId, newIndex);
        if (grant !== null) {
          this.grants.set(grant.uploadToken, grant);
          this.grantsByPhone.set(phoneId, grant);
        }
        return;
      }
      case "lower": {
        const index = this.indexes.get(r.phoneId);
        if (index !== undefined)
          this.indexes.set(r.phoneId, { ...index, windowStart: r.windowStart });
        return;
      }
      case "retain":
        this.applyRetention(r.cutoff, r.now);
        return;
    }
  }

  async key() {
    return this.serverKey!;
  }

  async uidOf(phoneId: string) {
    const uid = this.uidByPhone.get(phoneId);
    if (uid !== undefined) {
      // Another request created it and its record is not yet durable: answer after it is.
      await this.uidWrites.get(phoneId);
      return uid;
    }
    const fresh = randomBytes(bluetrace.UID_BYTES).toString("base64");
    const written = this.write({ t: "uid", phoneId, uid: fresh });
    this.uidWrites.set(phoneId, written);
    try {
      await written;
    } finally {
      this.uidWrites.delete(phoneId);
    }
    return fresh;
  }

  async phoneOfUid(uid: string) {
    return this.phoneByUid.get(uid) ?? null;
  }

  async putUpload(u: BtNewUpload): Promise<BtPutResult> {
    const id = `${u.phoneId} ${u.idempotencyKey}`;
    const before = this.uploads.get(id);
    if (before !== undefined) {
      // A replay waits for the original's record to be durable before it is answered.
      await this.journal?.barrier();
      return before.bodyHash === u.bodyHash
        ? { status: "replayed", ack: { ...before.ack, replayed: true } }
        : { status: "conflict", ack: before.ack };
    }
    const upload = { bodyHash: u.bodyHash, ack: u.ack };
    await this.write({ t: "upload", id, phoneId: u.phoneId, upload, sightings: u.sightings });
    return { status: "stored", ack: u.ack };
  }

  async getLog(phoneId: string) {
    return this.logs.get(phoneId) ?? [];
  }

  async addF0(index: BtIndex) {
    if (this.roles.get(index.phoneId) === "F0") return false;
    await this.write({ t: "f0", index });
    return true;
  }

  async indexOf(phoneId: string) {
    return this.indexes.get(phoneId) ?? null;
  }

  async roleOf(phoneId: string) {
    return this.roles.get(phoneId) ?? null;
  }

  async notify(input: BtNotifyInput) {
    const role = input.notification.role;
    if (roleRank(this.roles.get(input.phoneId) ?? null) >= ROLE_RANK[role]) return false;
    await this.write({ t: "notify", input });
    return true;
  }

  async lowerWindowStart(phoneId: string, windowStart: number) {
    const index = this.indexes.get(phoneId);
    if (index?.windowStart == null || windowStart >= index.windowStart) return false;
    await this.write({ t: "lower", phoneId, windowStart });
    return true;
  }

  async grantOf(phoneId: string) {
    return this.grantsByPhone.get(phoneId) ?? null;
  }

  async grant(uploadToken: string) {
    return this.grants.get(uploadToken) ?? null;
  }

  async loggers() {
    return [...this.logs.keys()];
  }

  async retain(cutoff: number, now: number): Promise<BtRetention> {
    const report = this.applyRetention(cutoff, now);
    if (report.logEntries + report.uploads + report.grants > 0) {
      await this.journal?.append({ t: "retain", cutoff, now } satisfies BtRecord);
    }
    return report;
  }

  private applyRetention(cutoff: number, now: number): BtRetention {
    const report = { logEntries: 0, uploads: 0, grants: 0 };
    for (const [phoneId, log] of this.logs) {
      const kept = log.filter((s) => s.timestamp >= cutoff);
      report.logEntries += log.length - kept.length;
      if (kept.length === 0) this.logs.delete(phoneId);
      else if (kept.length < log.length) this.logs.set(phoneId, kept);
    }
    for (const [id, u] of this.uploads) {
      if (u.ack.receivedAt < cutoff) {
        this.uploads.delete(id);
        report.uploads++;
      }
    }
    for (const [token, g] of this.grants) {
      if (g.expiresAt <= now) {
        this.grants.delete(token);
        if (this.grantsByPhone.get(g.phoneId)?.uploadToken === token) {
          this.grantsByPhone.delete(g.phoneId);
        }
        report.grants++;
      }
    }
    return report;
  }

  privacy() {
    return privacyCounts(this);
  }

  async storageBytes() {
    let bytes = this.serverKey?.length ?? 0;
    for (const [p, uid] of this.uidByPhone) bytes += 2 * (p.length + uid.length);
    for (const [id, u] of this.uploads) bytes += id.length + JSON.stringify(u).length;
    for (const [p, log] of this.logs) bytes += p.length + encodeLog(log).length;
    for (const [p, r] of this.roles) bytes += p.length + r.length;
    for (const [p, i] of this.indexes) bytes += p.length + JSON.stringify(i).length;
    for (const [p, g] of this.grantsByPhone) bytes += p.length + JSON.stringify(g).length;
    for (const [t, g] of this.grants) bytes += t.length + JSON.stringify(g).length;
    return bytes;
  }

  async f0Phones() {
    return [...this.roles].filter(([, r]) => r === "F0").map(([p]) => p);
  }

  async close() {
    await this.journal?.close();
  }
}
