import { createHash } from "node:crypto";
import {
  type DailyKey,
  type KeyPush,
  type LogEntry,
  type Notification,
  type RefusedKey,
  type SchemeName,
  type UploadAck,
  WIRE_SIZES,
} from "@tracebed/protocol";
import { createClient, RESP_TYPES } from "redis";
import { CODE_RETENTION_SECONDS } from "../memory/state.js";
import { CompactLog, mergeLogs } from "../shared/compact-log.js";
import { logRetainedFrom } from "../shared/log-retention.js";
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
  Role,
  StoreStats,
  TokenRecord,
} from "../shared/types.js";
import {
  DROP_INDEX,
  INSERT_CODE,
  LOWER_WINDOW_START,
  NOTE_FAILURE,
  NOTIFY,
  PRUNE_LOG,
  PUSH_INDEX,
  PUT_UPLOAD,
  READ_LOG,
  REDEEM_CODE,
  RETAIN_PHONE,
} from "./redis-scripts.js";

export type RedisClient = ReturnType<typeof createClient>;

/** A process's report of its phone connections counts for this long. */
const CONNECTED_TTL_MS = 10_000;

/** Bulk strings as Buffers: a stored log is binary. */
const BINARY = { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } };

/** Merges of one phone's log that lose the race to another upload before giving up. */
const MAX_LOG_RETRIES = 100;

export interface RedisStoreOptions {
  /** `redis://[[user][:password]@]host[:port][/db]` (or rediss://). */
  readonly url: string;
  /** Prefix of every key, so several matchers (or tests) can share one Redis. */
  readonly prefix?: string;
  /** Called with connection errors (the client reconnects by itself). */
  readonly onError?: (err: Error) => void;
}

/** Connects a node-redis client, or fails within `timeoutMs` with a one-line error. */
export async function connectRedis(
  url: string,
  onError: (err: Error) => void = () => {},
  timeoutMs = 5_000,
): Promise<RedisClient> {
  // Until connected, failures are retries (a few, then give up); the race below reports them
  // as one line. Once connected, the client reconnects for ever.
  let connected = false;
  const client = createClient({
    url,
    // While Redis is away, commands fail at once (uploads are refused with 503 and retried by
    // the phone) instead of queueing without bound.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: timeoutMs,
      reconnectStrategy: (n) =>
        !connected && n >= 5 ? new Error("gave up") : Math.min(50 * 2 ** n, 2_000),
    },
  });
  client.on("error", (err: Error) => {
    if (connected) onError(err);
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`cannot reach Redis at ${redactUrl(url)}`)),
          timeoutMs,
        );
      }),
    ]);
  } catch {
    if (client.isOpen) client.destroy();
    throw new Error(`cannot reach Redis at ${redactUrl(url)}`);
  } finally {
    clearTimeout(timer);
  }
  connected = true;
  return client;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/** How node-redis words a connection lost under a command. */
const CONNECTION_LOST =
  /Socket closed unexpectedly|ECONNRESET|ECONNREFUSED|EPIPE|client is closed|client is offline|Disconnects client/i;

/** Redis is unreachable: nothing was done; the caller may retry later (HTTP 503). */
export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";
}

/**
 * State in Redis, shared by every `serve` process that points at it. Each mutation is one Lua
 * script, so it is atomic across processes (a code is redeemed once, an upload stored once,
 * a phone notified once per role). An acknowledgement is sent once Redis has applied the
 * script; surviving a Redis crash is Redis's persistence (appendonly, appendfsync).
 */
export class RedisStore implements MatcherStore {
  readonly kind = "redis" as const;
  private readonly shas = new Map<string, string>();
  private closed = false;

  private constructor(
    readonly client: RedisClient,
    readonly prefix: string,
  ) {}

  static async open(options: RedisStoreOptions): Promise<RedisStore> {
    const client = await connectRedis(options.url, options.onError);
    return new RedisStore(client, options.prefix ?? "tracebed:");
  }

  /** Whether Redis writes an append-only file (null if CONFIG is not allowed). */
  async appendOnly(): Promise<boolean | null> {
    try {
      const r = await this.client.sendCommand<string[]>(["CONFIG", "GET", "appendonly"]);
      return r[1] === "yes";
    } catch {
      return null;
    }
  }

  async insertCode(rec: CodeRecord): Promise<boolean> {
    const r = await this.script<number>(INSERT_CODE, [
      rec.code,
      rec.caseRef,
      String(rec.confirmedAt),
      String(rec.expiresAt),
      String(rec.issuedAt),
      String(CODE_RETENTION_SECONDS),
    ]);
    return r === 1;
  }

  async redeemCode(input: RedeemInput): Promise<RedeemResult> {
    const r = await this.script<string[]>(REDEEM_CODE, [
      input.code,
      input.phoneId,
      String(input.now),
      String(input.maxCodeFailures),
      input.indexId,
      input.uploadToken,
      String(input.tokenExpiresAt),
    ]);
    if (r[0] !== "ok")
      return { ok: false, reason: r[0] as Exclude<RedeemResult, { ok: true }>["reason"] };
    const index: IndexRecord = {
      indexId: input.indexId,
      phoneId: input.phoneId,
      role: "F0",
      windowEnd: Number(r[1]),
      windowStart: null,
      createdAt: input.now,
      pushSeq: null,
    };
    return { ok: true, index, tokenExpiresAt: input.tokenExpiresAt };
  }

  async getUploadToken(token: string): Promise<TokenRecord | null> {
    const h = await this.hgetall(`token:${token}`);
    if (h === null) return null;
    return { indexId: h.indexId!, phoneId: h.phoneId!, expiresAt: Number(h.expiresAt) };
  }

  async noteRedeemFailure(key: string, now: number, windowSeconds: number): Promise<number> {
    return this.script<number>(NOTE_FAILURE, [key, String(now), String(windowSeconds)]);
  }

  async redeemFailures(key: string): Promise<number> {
    const v = await this.cmd<string | null>(["GET", this.k(`fail:${key}`)]);
    return v === null ? 0 : Number(v);
  }

  async registerPhone(phoneId: string, secretHash: string, now: number): Promise<void> {
    await this.cmd(["HSET", this.k(`cred:${secretHash}`), "phoneId", phoneId, "at", String(now)]);
  }

  async phoneOfSecret(secretHash: string): Promise<string | null> {
    return this.cmd<string | null>(["HGET", this.k(`cred:${secretHash}`), "phoneId"]);
  }

  async putUpload(u: NewUpload): Promise<PutUploadResult> {
    if (u.kind === "keys") {
      const pairs = (u.keys ?? []).flatMap((k) => [String(k.unixDay), k.key]);
      return this.storeUpload(u, pairs) as Promise<PutUploadResult>; // never "retry"
    }
    // Optimistic: merge into the log as read, store only if no other upload stored one since.
    let incoming: CompactLog | null = null;
    const since = logRetainedFrom(u.receivedAt, u.windowDays);
    for (let attempt = 0; attempt < MAX_LOG_RETRIES; attempt++) {
      const [version, otherScheme, bytes] = await this.script<[number, number, Buffer | null]>(
        READ_LOG,
        [u.phoneId, u.scheme],
        BINARY,
      );
      // Another scheme's phone: PUT_UPLOAD answers (replayed, conflict, scheme_mismatch) unread.
      let merged: string | Buffer = "";
      if (otherScheme === 0) {
        incoming ??= CompactLog.fromEntries(u.log ?? [], WIRE_SIZES[u.scheme].idBytes);
        const stored =
          bytes === null ? CompactLog.empty(incoming.idBytes) : CompactLog.fromBytes(bytes);
        merged = bufferOf(mergeLogs(stored, incoming, since).bytes);
      }
      const r = await this.storeUpload(u, [String(version), merged]);
      if (r !== "retry") return r;
    }
    throw new Error(`phone ${u.phoneId}: log upload lost ${MAX_LOG_RETRIES} races in a row`);
  }

  /** PUT_UPLOAD with the kind's payload; "retry" when a log changed since it was read. */
  private async storeUpload(
    u: NewUpload,
    payload: (string | Buffer)[],
  ): Promise<PutUploadResult | "retry"> {
    const count = u.kind === "keys" ? (u.keys?.length ?? 0) : (u.log?.length ?? 0);
    const r = await this.script<string[]>(PUT_UPLOAD, [
      u.phoneId,
      u.idempotencyKey,
      u.uploadId,
      u.kind,
      u.scheme,
      u.bodyHash,
      String(u.receivedAt),
      String(count),
      u.kind === "keys" ? JSON.stringify(u.refused ?? []) : "",
      String(u.exposures.length),
      ...u.exposures,
      ...payload,
    ]);
    const status = r[0];
    if (status === "retry") return status;
    if (status === "scheme_mismatch") return { status, scheme: r[1] as SchemeName };
    if (status === "stored") {
      const refused = u.kind === "keys" ? JSON.stringify(u.refused ?? []) : "";
      return {
        status,
        ack: ack(
          u.uploadId,
          u.idempotencyKey,
          u.phoneId,
          u.kind,
          count,
          u.receivedAt,
          false,
          refused,
        ),
      };
    }
    const prior = ack(
      r[1]!,
      u.idempotencyKey,
      u.phoneId,
      r[4] as "keys" | "log",
      Number(r[2]),
      Number(r[3]),
      true,
      r[5],
    );
    return { status: status as "replayed" | "conflict", ack: prior };
  }

  async getUpload(uploadId: string): Promise<UploadAck | null> {
    const h = await this.hgetall(`upload:${uploadId}`);
    if (h === null) return null;
    return ack(
      h.uploadId!,
      h.idempotencyKey!,
      h.phoneId!,
      h.kind as "keys" | "log",
      Number(h.count),
      Number(h.receivedAt),
      false,
      h.refused,
    );
  }

  async getPhone(phoneId: string): Promise<PhoneRecord | null> {
    const pk = this.k(`phone:${phoneId}`);
    const [h, keys, exposures, indexIds] = (await this.guard(
      this.client
        .multi()
        .addCommand(["HGETALL", pk])
        .addCommand(["HGETALL", `${pk}:keys`])
        .addCommand(["SMEMBERS", `${pk}:exp`])
        .addCommand(["LRANGE", `${pk}:idx`, "0", "-1"])
        .exec(),
    )) as unknown as [
      string[] | Record<string, string>,
      string[] | Record<string, string>,
      string[],
      string[],
    ];
    const fields = asRecord(h);
    if (Object.keys(fields).length === 0) return null;
    const dailyKeys: DailyKey[] = Object.entries(asRecord(keys))
      .map(([day, key]) => ({ unixDay: Number(day), key }))
      .sort((a, b) => a.unixDay - b.unixDay);
    return {
      phoneId,
      scheme: (fields.scheme as SchemeName | undefined) ?? null,
      role: (fields.role as Role | undefined) ?? null,
      keys: dailyKeys,
      keysVersion: Number(fields.keysVersion ?? 0),
      logVersion: Number(fields.logVersion ?? 0),
      exposures,
      indexIds,
    };
  }

  async getLog(phoneId: string): Promise<readonly LogEntry[]> {
    const bytes = await this.cmd<Buffer | null>(["GET", this.k(`phone:${phoneId}:log`)], BINARY);
    return bytes === null ? [] : CompactLog.fromBytes(bytes).toEntries();
  }

  async getIndex(indexId: string): Promise<IndexRecord | null> {
    const h = await this.hgetall(`index:${indexId}`);
    if (h === null) return null;
    return {
      indexId: h.indexId!,
      phoneId: h.phoneId!,
      role: h.role as "F0" | "F1",
      windowEnd: Number(h.windowEnd),
      windowStart: h.windowStart === undefined ? null : Number(h.windowStart),
      createdAt: Number(h.createdAt),
      pushSeq: h.pushSeq === undefined ? null : Number(h.pushSeq),
    };
  }

  listIndexIds(): Promise<string[]> {
    return this.cmd<string[]>(["LRANGE", this.k("indexes"), "0", "-1"]);
  }

  candidatesOf(indexId: string): Promise<string[]> {
    return this.cmd<string[]>(["SMEMBERS", this.k(`cands:${indexId}`)]);
  }

  async pushIndex(indexId: string, pushedAt: number, windowDays: number): Promise<KeyPush | null> {
    const json = await this.script<string | null>(PUSH_INDEX, [
      indexId,
      String(pushedAt),
      String(Math.min(windowDays, 14)),
    ]);
    return json === null ? null : orderPush(JSON.parse(json) as KeyPush);
  }

  async listPushes(since: number, limit: number): Promise<PushPage> {
    const members = await this.cmd<string[]>([
      "ZRANGE",
      this.k("pushes"),
      `(${since}`,
      "+inf",
      "BYSCORE",
      "LIMIT",
      "0",
      String(limit + 1),
    ]);
    const pushes = members.slice(0, limit).map((m) => orderPush(JSON.parse(m) as KeyPush));
    return { pushes, more: members.length > limit };
  }

  async notify(input: NotifyInput): Promise<boolean> {
    const n = input.notification;
    const r = await this.script<number>(NOTIFY, [
      input.phoneId,
      n.role,
      JSON.stringify(n),
      input.newIndex?.indexId ?? "",
      String(input.newIndex?.windowEnd ?? 0),
      String(input.newIndex?.createdAt ?? 0),
      String(input.newIndex?.windowStart ?? 0),
    ]);
    return r === 1;
  }

  async lowerWindowStart(indexId: string, windowStart: number): Promise<boolean> {
    return (await this.script<number>(LOWER_WINDOW_START, [indexId, String(windowStart)])) === 1;
  }

  async notificationsOf(phoneId: string): Promise<Notification[]> {
    const items = await this.cmd<string[]>(["LRANGE", this.k(`phone:${phoneId}:notes`), "0", "-1"]);
    return items.map((s) => JSON.parse(s) as Notification);
  }

  async stats(): Promise<StoreStats> {
    const [h, seq] = (await this.guard(
      this.client
        .multi()
        .addCommand(["HGETALL", this.k("stats")])
        .addCommand(["GET", this.k("seq")])
        .exec(),
    )) as unknown as [string[] | Record<string, string>, string | null];
    const s = asRecord(h);
    const n = (f: string) => Number(s[f] ?? 0);
    return {
      uploads: n("uploads"),
      codes: n("codes"),
      F0: n("F0"),
      F1: n("F1"),
      F2: n("F2"),
      notificationsSent: n("notificationsSent"),
      pushes: n("pushes"),
      latestSeq: seq === null ? 0 : Number(seq),
    };
  }

  async retain(now: number, windowDays: number): Promise<RetentionReport> {
    const report = { uploads: 0, keys: 0, logEntries: 0, notifications: 0, indexes: 0 };
    const cutoff = logRetainedFrom(now, windowDays);
    const firstDay = Math.floor(now / 86_400) - windowDays;
    for await (const key of this.scan("upload:*")) {
      const [receivedAt, phoneId, idem] = await this.cmd<(string | null)[]>([
        "HMGET",
        key,
        "receivedAt",
        "phoneId",
        "idempotencyKey",
      ]);
      if (receivedAt === null || Number(receivedAt) >= cutoff) continue;
      await this.cmd(["DEL", key, this.k(`idem:${phoneId}:${idem}`)]);
      report.uploads++;
    }
    for (const id of await this.listIndexIds()) {
      const end = await this.cmd<string | null>(["HGET", this.k(`index:${id}`), "windowEnd"]);
      if (end === null || Number(end) >= cutoff) continue;
      report.indexes += await this.script<number>(DROP_INDEX, [id]);
    }
    const phone = new RegExp(
      `^${this.prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}phone:([^:]+)$`,
    );
    for await (const key of this.scan("phone:*")) {
      const phoneId = phone.exec(key)?.[1];
      if (phoneId === undefined) continue;
      const [keys, notes] = await this.script<[number, number]>(RETAIN_PHONE, [
        phoneId,
        String(firstDay),
        String(cutoff),
      ]);
      report.keys += keys;
      report.notifications += notes;
      const [version, , bytes] = await this.script<[number, number, Buffer | null]>(
        READ_LOG,
        [phoneId, ""],
        BINARY,
      );
      if (bytes === null) continue;
      const stored = CompactLog.fromBytes(bytes);
      const kept = mergeLogs(stored, CompactLog.empty(stored.idBytes), cutoff);
      if (kept.length === stored.length) continue;
      // Lost to a concurrent upload (which pruned it too): the next sweep sees the rest.
      const ok = await this.script<number>(PRUNE_LOG, [
        phoneId,
        String(version),
        bufferOf(kept.bytes),
      ]);
      if (ok === 1) report.logEntries += stored.length - kept.length;
    }
    return report;
  }

  /** Every key under the prefix matching `pattern` (SCAN: does not block Redis). */
  private async *scan(pattern: string): AsyncGenerator<string> {
    let cursor = "0";
    do {
      const [next, keys] = await this.cmd<[string, string[]]>([
        "SCAN",
        cursor,
        "MATCH",
        this.k(pattern),
        "COUNT",
        "1000",
      ]);
      cursor = String(next);
      yield* keys;
    } while (cursor !== "0");
  }

  async reportConnected(processId: string, count: number, nowMs: number): Promise<void> {
    const k = this.k("conn");
    if (count === 0) await this.cmd(["HDEL", k, processId]);
    else await this.cmd(["HSET", k, processId, `${count}:${nowMs}`]);
  }

  async connectedPhones(nowMs: number): Promise<number> {
    const h = asRecord(
      await this.cmd<string[] | Record<string, string>>(["HGETALL", this.k("conn")]),
    );
    let sum = 0;
    for (const v of Object.values(h)) {
      const [count, at] = v.split(":").map(Number);
      if (nowMs - at! <= CONNECTED_TTL_MS) sum += count!;
    }
    return sum;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Unreachable, there is nothing to flush: do not wait for a reconnection.
    if (!this.client.isReady) {
      if (this.client.isOpen) this.client.destroy();
      return;
    }
    try {
      await this.client.close();
    } catch {
      this.client.destroy();
    }
  }

  private k(suffix: string): string {
    return `${this.prefix}${suffix}`;
  }

  private async cmd<T>(args: (string | Buffer)[], options?: typeof BINARY): Promise<T> {
    if (this.closed) throw new Error("store is closed");
    if (!this.client.isReady) throw new StoreUnavailableError("Redis is unreachable, retry");
    try {
      return await this.client.sendCommand<T>(args, options);
    } catch (err) {
      // A command cut off by a lost connection: its effect is unknown, so a retry (idempotent)
      // is the answer.
      if (!this.client.isReady || CONNECTION_LOST.test(String((err as Error)?.message))) {
        throw new StoreUnavailableError("Redis is unreachable, retry");
      }
      throw err;
    }
  }

  /** A transaction's result, or StoreUnavailableError if Redis is away or went away under it. */
  private async guard<T>(p: Promise<T>): Promise<T> {
    if (!this.client.isReady) throw new StoreUnavailableError("Redis is unreachable, retry");
    try {
      return await p;
    } catch (err) {
      if (!this.client.isReady || CONNECTION_LOST.test(String((err as Error)?.message))) {
        throw new StoreUnavailableError("Redis is unreachable, retry");
      }
      throw err;
    }
  }

  /** Tells `on.lost` when the connection to Redis is lost, and `on.back` when it is back. */
  watchConnection(on: { lost(): void; back(): void }): void {
    let lost = false;
    const lose = () => {
      if (lost || this.closed) return;
      lost = true;
      on.lost();
    };
    this.client.on("end", lose);
    this.client.on("error", lose);
    this.client.on("ready", () => {
      if (lost && !this.closed) on.back();
      lost = false;
    });
  }

  private async hgetall(suffix: string): Promise<Record<string, string> | null> {
    const r = asRecord(
      await this.cmd<string[] | Record<string, string>>(["HGETALL", this.k(suffix)]),
    );
    return Object.keys(r).length === 0 ? null : r;
  }

  /** EVALSHA with the prefix as ARGV[1]; loads the script on first use or after a flush. */
  private async script<T>(
    source: string,
    args: (string | Buffer)[],
    options?: typeof BINARY,
  ): Promise<T> {
    let sha = this.shas.get(source);
    if (sha === undefined) {
      sha = createHash("sha1").update(source).digest("hex");
      this.shas.set(source, sha);
    }
    const argv = ["0", this.prefix, ...args];
    try {
      return await this.cmd<T>(["EVALSHA", sha, ...argv], options);
    } catch (err) {
      if (!String((err as Error).message).startsWith("NOSCRIPT")) throw err;
      return this.cmd<T>(["EVAL", source, ...argv], options);
    }
  }
}

function ack(
  uploadId: string,
  idempotencyKey: string,
  phoneId: string,
  kind: "keys" | "log",
  count: number,
  receivedAt: number,
  replayed: boolean,
  /** A keys upload's refused keys as JSON ("" or absent: none recorded, a log). */
  refused?: string,
): UploadAck {
  const r: RefusedKey[] | undefined =
    refused === undefined || refused === "" ? undefined : (JSON.parse(refused) as RefusedKey[]);
  return {
    uploadId,
    idempotencyKey,
    phoneId,
    kind,
    count,
    ...(r === undefined ? (kind === "keys" ? { refused: [] } : {}) : { refused: r }),
    receivedAt,
    replayed,
  };
}

/** The bytes as a Buffer without copying (node-redis sends Buffers as they are). */
function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** HGETALL answers a flat array over RESP2 and a map over RESP3. */
function asRecord(reply: string[] | Record<string, string>): Record<string, string> {
  if (!Array.isArray(reply)) return reply;
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < reply.length; i += 2) out[reply[i]!] = reply[i + 1]!;
  return out;
}

/** The push with its fields in the schema's order. */
function orderPush(p: KeyPush): KeyPush {
  return {
    seq: p.seq,
    indexId: p.indexId,
    role: p.role,
    scheme: p.scheme,
    windowEnd: p.windowEnd,
    ...(p.windowStart === undefined ? {} : { windowStart: p.windowStart }),
    keys: p.keys.map((k) => ({ unixDay: k.unixDay, key: k.key })),
    pushedAt: p.pushedAt,
  };
}
