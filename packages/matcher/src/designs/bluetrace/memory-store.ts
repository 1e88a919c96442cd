import { randomBytes } from "node:crypto";
import { bluetrace } from "@tracebed/protocol";
import { ROLE_RANK, type Role, roleRank } from "../../store/common/types.js";
import { encodeLog, mergeLogs } from "./log-merge.js";
import { privacyCounts } from "./privacy.js";
import type {
  BtGrant,
  BtIndex,
  BtNewUpload,
  BtNotifyInput,
  BtPutResult,
  BtStore,
} from "./store.js";

/**
 * The BlueTrace store in this process's memory. Not journalled: a restart forgets the key,
 * the user ids and the logs (use Redis for state that outlives the process).
 */
export class BtMemoryStore implements BtStore {
  readonly kind = "memory" as const;
  private readonly serverKey = new Uint8Array(randomBytes(bluetrace.KEY_BYTES));
  private readonly uidByPhone = new Map<string, string>();
  private readonly phoneByUid = new Map<string, string>();
  private readonly uploads = new Map<string, { bodyHash: string; ack: bluetrace.BtUploadAck }>();
  private readonly logs = new Map<string, bluetrace.KnownSighting[]>();
  private readonly roles = new Map<string, Role>();
  private readonly indexes = new Map<string, BtIndex>();
  private readonly grantsByPhone = new Map<string, BtGrant>();
  private readonly grants = new Map<string, BtGrant>();

  async key() {
    return this.serverKey;
  }

  async uidOf(phoneId: string) {
    let uid = this.uidByPhone.get(phoneId);
    if (uid === undefined) {
      uid = randomBytes(bluetrace.UID_BYTES).toString("base64");
      this.uidByPhone.set(phoneId, uid);
      this.phoneByUid.set(uid, phoneId);
    }
    return uid;
  }

  async phoneOfUid(uid: string) {
    return this.phoneByUid.get(uid) ?? null;
  }

  async putUpload(u: BtNewUpload): Promise<BtPutResult> {
    const id = `${u.phoneId} ${u.idempotencyKey}`;
    const before = this.uploads.get(id);
    if (before !== undefined) {
      return before.bodyHash === u.bodyHash
        ? { status: "replayed", ack: { ...before.ack, replayed: true } }
        : { status: "conflict", ack: before.ack };
    }
    this.uploads.set(id, { bodyHash: u.bodyHash, ack: u.ack });
    this.logs.set(u.phoneId, mergeLogs(this.logs.get(u.phoneId) ?? [], u.sightings));
    return { status: "stored", ack: u.ack };
  }

  async getLog(phoneId: string) {
    return this.logs.get(phoneId) ?? [];
  }

  async addF0(index: BtIndex) {
    if (this.roles.get(index.phoneId) === "F0") return false;
    this.roles.set(index.phoneId, "F0");
    this.indexes.set(index.phoneId, index);
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
    this.roles.set(input.phoneId, role);
    if (input.newIndex !== null) this.indexes.set(input.phoneId, input.newIndex);
    if (input.grant !== null) {
      this.grants.set(input.grant.uploadToken, input.grant);
      this.grantsByPhone.set(input.phoneId, input.grant);
    }
    return true;
  }

  async lowerWindowStart(phoneId: string, windowStart: number) {
    const index = this.indexes.get(phoneId);
    if (index?.windowStart == null || windowStart >= index.windowStart) return false;
    this.indexes.set(phoneId, { ...index, windowStart });
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

  privacy() {
    return privacyCounts(this);
  }

  async storageBytes() {
    let bytes = this.serverKey.length;
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

  async close() {}
}
