import { randomBytes } from "node:crypto";
import { bluetrace } from "@tracebed/protocol";
import { ROLE_RANK, type Role } from "../../store/common/types.js";
import type { RedisClient } from "../../store/redis/connect.js";
import { decodeLog, encodeLog, mergeLogs } from "./log-merge.js";
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

/** Notify iff the role outranks the phone's: role, index and grant in one step. */
const NOTIFY = `
local rank = { ${Object.entries(ROLE_RANK)
  .map(([role, rank]) => `${role} = ${rank}`)
  .join(", ")} }
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if cur and rank[cur] >= rank[ARGV[2]] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if ARGV[3] ~= '' then redis.call('HSET', KEYS[2], ARGV[1], ARGV[3]) end
if ARGV[4] ~= '' then
  redis.call('HSET', KEYS[3], ARGV[5], ARGV[4])
  redis.call('HSET', KEYS[4], ARGV[1], ARGV[4])
end
return 1`;

/** An F1's windowStart moves back only. */
const LOWER = `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
local index = cjson.decode(raw)
if type(index.windowStart) ~= 'number' or tonumber(ARGV[2]) >= index.windowStart then return 0 end
index.windowStart = tonumber(ARGV[2])
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(index))
return 1`;

/** An upload once per (phone, idempotency key): the stored body hash and ack, or nil. */
const PUT_UPLOAD = `
local before = redis.call('HGET', KEYS[1], ARGV[1])
if before then return before end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return false`;

/** The log becomes ARGV[2] (deleted if empty) if it still holds ARGV[1]. */
const TRIM_LOG = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
  redis.call('SREM', KEYS[2], ARGV[3])
else
  redis.call('SET', KEYS[1], ARGV[2])
end
return 1`;

/** HDEL the field if it still holds the value. */
const DEL_IF = `
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('HDEL', KEYS[1], ARGV[1]) end
return 0`;

/**
 * The BlueTrace store in Redis, beside the matcher's keys (prefix `<prefix>bt:`), on the
 * matcher store's connection: processes share the key, user ids, logs and roles.
 */
export class BtRedisStore implements BtStore {
  readonly kind = "redis" as const;
  private cachedKey: Uint8Array | null = null;

  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  private k(name: string): string {
    return `${this.prefix}${name}`;
  }

  private cmd<T>(args: string[]): Promise<T> {
    return this.client.sendCommand(args) as Promise<T>;
  }

  async key() {
    if (this.cachedKey !== null) return this.cachedKey;
    const fresh = randomBytes(bluetrace.KEY_BYTES).toString("base64");
    await this.cmd(["SET", this.k("key"), fresh, "NX"]);
    const stored = await this.cmd<string>(["GET", this.k("key")]);
    this.cachedKey = new Uint8Array(Buffer.from(stored, "base64"));
    return this.cachedKey;
  }

  async uidOf(phoneId: string) {
    const fresh = randomBytes(bluetrace.UID_BYTES).toString("base64");
    if ((await this.cmd<number>(["HSETNX", this.k("uid"), phoneId, fresh])) === 1) {
      await this.cmd(["HSET", this.k("phoneOfUid"), fresh, phoneId]);
      return fresh;
    }
    return this.cmd<string>(["HGET", this.k("uid"), phoneId]);
  }

  async phoneOfUid(uid: string) {
    return this.cmd<string | null>(["HGET", this.k("phoneOfUid"), uid]);
  }

  async putUpload(u: BtNewUpload): Promise<BtPutResult> {
    const record = JSON.stringify({ bodyHash: u.bodyHash, ack: u.ack });
    const before = await this.cmd<string | null>([
      "EVAL",
      PUT_UPLOAD,
      "1",
      this.k("uploads"),
      `${u.phoneId} ${u.idempotencyKey}`,
      record,
    ]);
    if (before !== null) {
      const b = JSON.parse(before) as { bodyHash: string; ack: bluetrace.BtUploadAck };
      return b.bodyHash === u.bodyHash
        ? { status: "replayed", ack: { ...b.ack, replayed: true } }
        : { status: "conflict", ack: b.ack };
    }
    // One phone's uploads come one after another; the merge reads and writes its own key.
    const logKey = this.k(`log:${u.phoneId}`);
    const merged = mergeLogs(decodeLog(await this.cmd(["GET", logKey])), u.sightings);
    await this.cmd(["SET", logKey, encodeLog(merged)]);
    await this.cmd(["SADD", this.k("loggers"), u.phoneId]);
    return { status: "stored", ack: u.ack };
  }

  async getLog(phoneId: string) {
    return decodeLog(await this.cmd(["GET", this.k(`log:${phoneId}`)]));
  }

  async addF0(index: BtIndex) {
    return this.notifyRaw(index.phoneId, "F0", JSON.stringify(index), null);
  }

  async indexOf(phoneId: string) {
    const raw = await this.cmd<string | null>(["HGET", this.k("index"), phoneId]);
    return raw === null ? null : (JSON.parse(raw) as BtIndex);
  }

  async roleOf(phoneId: string) {
    return this.cmd<Role | null>(["HGET", this.k("role"), phoneId]);
  }

  async notify(input: BtNotifyInput) {
    return this.notifyRaw(
      input.phoneId,
      input.notification.role,
      input.newIndex === null ? "" : JSON.stringify(input.newIndex),
      input.grant,
    );
  }

  private async notifyRaw(phoneId: string, role: Role, index: string, grant: BtGrant | null) {
    const r = await this.cmd<number>([
      "EVAL",
      NOTIFY,
      "4",
      this.k("role"),
      this.k("index"),
      this.k("grant"),
      this.k("grantOf"),
      phoneId,
      role,
      index,
      grant === null ? "" : JSON.stringify(grant),
      grant?.uploadToken ?? "",
    ]);
    return r === 1;
  }

  async lowerWindowStart(phoneId: string, windowStart: number) {
    const r = await this.cmd<number>([
      "EVAL",
      LOWER,
      "1",
      this.k("index"),
      phoneId,
      String(windowStart),
    ]);
    return r === 1;
  }

  async grantOf(phoneId: string) {
    const raw = await this.cmd<string | null>(["HGET", this.k("grantOf"), phoneId]);
    return raw === null ? null : (JSON.parse(raw) as BtGrant);
  }

  async grant(uploadToken: string) {
    const raw = await this.cmd<string | null>(["HGET", this.k("grant"), uploadToken]);
    return raw === null ? null : (JSON.parse(raw) as BtGrant);
  }

  async loggers() {
    return this.cmd<string[]>(["SMEMBERS", this.k("loggers")]);
  }

  async retain(cutoff: number, now: number): Promise<BtRetention> {
    const report = { logEntries: 0, uploads: 0, grants: 0 };
    for (const phoneId of await this.loggers()) {
      const logKey = this.k(`log:${phoneId}`);
      const raw = await this.cmd<string | null>(["GET", logKey]);
      const log = decodeLog(raw);
      const kept = log.filter((s) => s.timestamp >= cutoff);
      if (raw === null || kept.length === log.length) continue;
      // Compare and set: an upload merged meanwhile keeps its log (the next sweep trims it).
      const next = kept.length === 0 ? "" : encodeLog(kept);
      const r = await this.cmd<number>([
        "EVAL",
        TRIM_LOG,
        "2",
        logKey,
        this.k("loggers"),
        raw,
        next,
        phoneId,
      ]);
      if (r === 1) report.logEntries += log.length - kept.length;
    }
    const uploads = await this.cmd<string[]>(["HGETALL", this.k("uploads")]);
    for (let i = 0; i + 1 < uploads.length; i += 2) {
      const u = JSON.parse(uploads[i + 1]!) as { ack: bluetrace.BtUploadAck };
      if (u.ack.receivedAt < cutoff) {
        report.uploads += await this.cmd<number>(["HDEL", this.k("uploads"), uploads[i]!]);
      }
    }
    const grants = await this.cmd<string[]>(["HGETALL", this.k("grant")]);
    for (let i = 0; i + 1 < grants.length; i += 2) {
      const g = JSON.parse(grants[i + 1]!) as BtGrant;
      if (g.expiresAt > now) continue;
      report.grants += await this.cmd<number>(["HDEL", this.k("grant"), g.uploadToken]);
      await this.cmd(["EVAL", DEL_IF, "1", this.k("grantOf"), g.phoneId, grants[i + 1]!]);
    }
    return report;
  }

  privacy() {
    return privacyCounts(this);
  }

  /** Bytes of the keys' and hash fields' contents (not Redis's own overhead). */
  async storageBytes() {
    let bytes = 0;
    for (const h of ["uid", "phoneOfUid", "uploads", "role", "index", "grant", "grantOf"]) {
      const all = await this.cmd<string[]>(["HGETALL", this.k(h)]);
      for (const s of all) bytes += Buffer.byteLength(s);
    }
    for (const p of await this.loggers()) {
      bytes += await this.cmd<number>(["STRLEN", this.k(`log:${p}`)]);
    }
    return bytes + bluetrace.KEY_BYTES;
  }

  async f0Phones() {
    const all = await this.cmd<string[]>(["HGETALL", this.k("role")]);
    const out: string[] = [];
    for (let i = 0; i + 1 < all.length; i += 2) if (all[i + 1] === "F0") out.push(all[i]!);
    return out;
  }

  /** The connection is the matcher store's: it closes it. */
  async close() {}
}
