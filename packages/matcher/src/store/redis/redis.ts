import { createAdapter } from "@socket.io/redis-adapter";
import type { KeyPush, LogEntry, Notification, UploadAck } from "@tracebed/protocol";
import { RESP_TYPES } from "redis";
import { CompactLog } from "../common/compact-log.js";
import { insertCode } from "../common/transitions/insert-code.js";
import { lowerWindowStart } from "../common/transitions/lower-window-start.js";
import { notify } from "../common/transitions/notify.js";
import { pushIndex } from "../common/transitions/push-index.js";
import { putUpload } from "../common/transitions/put-upload.js";
import { redeemCode } from "../common/transitions/redeem-code.js";
import { noteRedeemFailure, redeemFailures } from "../common/transitions/redeem-failures.js";
import { registerPhone } from "../common/transitions/register-phone.js";
import {
  addReports,
  NOTHING_RETAINED,
  retainIndex,
  retainPhone,
  retainUpload,
  retentionBounds,
} from "../common/transitions/retention.js";
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
  SocketAdapter,
  StoreSharing,
  StoreStats,
  TokenRecord,
} from "../common/types.js";
import { type Transition, unchanged } from "../common/writes.js";
import { connectRedis, isConnectionLost, type RedisClient, unavailable } from "./connect.js";
import { ConnectionWatch, type ConnectionWatcher } from "./connection-watch.js";
import {
  ackOf,
  asHash,
  codeOf,
  credentialOf,
  failuresOf,
  indexOf,
  Keys,
  PHONE_HEAD_FIELDS,
  phoneHeadOf,
} from "./layout.js";
import { guard, ReadCache, type Reader, transact } from "./transaction.js";

export { connectRedis, type RedisClient, redactUrl } from "./connect.js";

/** A process's report of its phone connections counts for this long. */
const CONNECTED_TTL_MS = 10_000;

/** Bulk strings as Buffers: a stored log is binary. */
const BINARY = { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } };

export interface RedisStoreOptions {
  /** `redis://[[user][:password]@]host[:port][/db]` (or rediss://). */
  readonly url: string;
  /** Prefix of every key, so several matchers (or tests) can share one Redis. */
  readonly prefix?: string;
  /** Called with connection errors (the client reconnects by itself). */
  readonly onError?: (err: Error) => void;
}

/**
 * State in Redis, shared by every `serve` process that points at it. Each mutation runs the
 * shared transition (../common/transitions) as an optimistic transaction (transaction.ts), so
 * it is atomic across processes: a code is redeemed once, an upload stored once, a phone
 * notified once per role. An acknowledgement is sent once Redis has applied it; surviving a
 * Redis crash is Redis's persistence (appendonly, appendfsync).
 */
export class RedisStore implements MatcherStore {
  readonly kind = "redis";
  readonly sharing: StoreSharing;
  private readonly keys: Keys;
  private closed = false;
  /** What recent reads answered: a transaction's first guess (transaction.ts). */
  private readonly reads = new ReadCache();
  private readonly connections = new ConnectionWatch(() => this.closed);
  /**
   * This process's pushes, one at a time: every push reads the push seq, so pushes run side
   * by side would mostly abort each other; across processes they still may (and run again).
   */
  private pushing: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly client: RedisClient,
    readonly prefix: string,
    private readonly url: string,
  ) {
    this.keys = new Keys(prefix);
    this.connections.add(client);
    this.sharing = {
      openSocketAdapter: (onError) => this.openSocketAdapter(onError),
      watchConnection: (on) => this.watchConnection(on),
    };
  }

  static async open(options: RedisStoreOptions): Promise<RedisStore> {
    const client = await connectRedis(options.url, options.onError);
    return new RedisStore(client, options.prefix ?? "tracebed:", options.url);
  }

  async durabilityWarning(): Promise<string | null> {
    return (await this.appendOnly()) === false
      ? "Redis runs without appendonly: acknowledged uploads survive a matcher crash but not a Redis crash"
      : null;
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

  // --- mutations: shared transitions, run as optimistic transactions --------------------

  insertCode(rec: CodeRecord): Promise<boolean> {
    return this.transact(async (c) => {
      const key = this.keys.code(rec.code);
      return insertCode(codeOf(rec.code, asHash(await c.hGetAll(key))), rec);
    });
  }

  redeemCode(input: RedeemInput): Promise<RedeemResult> {
    return this.transact(async (c) => {
      const ck = this.keys.code(input.code);
      const pk = this.keys.phone(input.phoneId);
      const [h, role] = await Promise.all([c.hGetAll(ck), c.hGet(pk, "role")]);
      return redeemCode(codeOf(input.code, asHash(h)), (role as Role | null) ?? null, input);
    });
  }

  noteRedeemFailure(key: string, now: number, windowSeconds: number): Promise<number> {
    return this.transact(async (c) => {
      const k = this.keys.failures(key);
      return noteRedeemFailure(key, failuresOf(await c.get(k)), now, windowSeconds);
    });
  }

  async registerPhone(phoneId: string, secretHash: string, now: number): Promise<void> {
    await this.transact(async (c) => {
      const k = this.keys.credential(secretHash);
      const h = await c.hGetAll(k);
      return registerPhone(credentialOf(asHash(h)), { phoneId, secretHash, now });
    });
  }

  putUpload(u: NewUpload): Promise<PutUploadResult> {
    return this.transact(async (c) => {
      const ik = this.keys.idem(u.phoneId, u.idempotencyKey);
      const pk = this.keys.phone(u.phoneId);
      const lk = this.keys.phoneLog(u.phoneId);
      const log = u.kind === "log";
      const [idem, head, bytes] = await Promise.all([
        c.hmGet(ik, ["uploadId", "hash"]),
        c.hmGet(pk, PHONE_HEAD_FIELDS),
        log ? c.getBuffer(lk) : null,
      ]);
      const [priorId, bodyHash] = idem;
      const ack =
        priorId == null ? null : ackOf(asHash(await c.hGetAll(this.keys.upload(priorId))));
      const prior = ack === null ? null : { ack, bodyHash: bodyHash! };
      const stored = bytes == null ? null : CompactLog.fromBytes(bytes);
      return putUpload({ prior, phone: phoneHeadOf(head), log: stored }, u);
    });
  }

  pushIndex(indexId: string, pushedAt: number, windowDays: number): Promise<KeyPush | null> {
    const push = this.pushing.then(() => this.push(indexId, pushedAt, windowDays));
    this.pushing = push.catch(() => {});
    return push;
  }

  private push(indexId: string, pushedAt: number, windowDays: number): Promise<KeyPush | null> {
    return this.transact(async (c): Promise<Transition<KeyPush | null>> => {
      const ik = this.keys.index(indexId);
      const [h, seq] = await Promise.all([c.hGetAll(ik), c.get(this.keys.seq)]);
      const index = indexOf(asHash(h));
      if (index === null) return unchanged(null);
      // Pushed before pushes carried their signature: pushed once, as then.
      if (index.pushSeq !== null && index.pushSig === null) return unchanged(null);
      const pk = this.keys.phone(index.phoneId);
      const kk = this.keys.phoneKeys(index.phoneId);
      // The phone's whole head, as uploads read it: the read this process most likely knows.
      const [head, keys] = await Promise.all([c.hmGet(pk, PHONE_HEAD_FIELDS), c.hGetAll(kk)]);
      const { scheme } = phoneHeadOf(head);
      const reads = {
        index,
        scheme,
        keys: Object.entries(asHash(keys) ?? {}).map(([d, k]) => [Number(d), k] as const),
        lastSignature: index.pushSig,
        latestSeq: seq === null ? 0 : Number(seq),
      };
      return pushIndex(reads, { pushedAt, windowDays });
    });
  }

  lowerWindowStart(indexId: string, windowStart: number): Promise<boolean> {
    return this.transact(async (c) => {
      const ik = this.keys.index(indexId);
      return lowerWindowStart(indexOf(asHash(await c.hGetAll(ik))), windowStart);
    });
  }

  notify(input: NotifyInput): Promise<boolean> {
    return this.transact(async (c) => {
      const pk = this.keys.phone(input.phoneId);
      // The role alone: a candidate's first notification guesses it right ("not there") in
      // any process, whoever stored the phone's uploads.
      return notify(((await c.hGet(pk, "role")) as Role | null) ?? null, input);
    });
  }

  async retain(now: number, windowDays: number): Promise<RetentionReport> {
    const bounds = retentionBounds(now, windowDays);
    let report = NOTHING_RETAINED;
    for await (const key of this.scan("upload:*")) {
      report = addReports(
        report,
        await this.transact(async (c) => {
          const ack = ackOf(asHash(await c.hGetAll(key)));
          return ack === null ? unchanged(NOTHING_RETAINED) : retainUpload(ack, bounds);
        }),
      );
    }
    for (const id of await this.listIndexIds()) {
      report = addReports(
        report,
        await this.transact(async (c) => {
          const ik = this.keys.index(id);
          const ck = this.keys.candidates(id);
          const [h, candidates] = await Promise.all([c.hGetAll(ik), c.sMembers(ck)]);
          const index = indexOf(asHash(h));
          return index === null
            ? unchanged(NOTHING_RETAINED)
            : retainIndex(index, candidates, bounds);
        }),
      );
    }
    const phone = new RegExp(
      `^${this.prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}phone:([^:]+)$`,
    );
    for await (const key of this.scan("phone:*")) {
      const phoneId = phone.exec(key)?.[1];
      if (phoneId === undefined) continue;
      report = addReports(report, await this.transact((c) => this.retainPhone(c, phoneId, bounds)));
    }
    return report;
  }

  private async retainPhone(
    c: Reader,
    phoneId: string,
    bounds: ReturnType<typeof retentionBounds>,
  ): Promise<Transition<RetentionReport>> {
    const k = this.keys;
    const [logVersion, keys, notes, bytes] = await Promise.all([
      c.hGet(k.phone(phoneId), "logVersion"),
      c.hKeys(k.phoneKeys(phoneId)),
      c.lRange(k.phoneNotes(phoneId)),
      c.getBuffer(k.phoneLog(phoneId)),
    ]);
    return retainPhone(
      {
        phoneId,
        keyDays: keys.map(Number),
        notifications: notes.map((n) => JSON.parse(n) as Notification),
        log: bytes == null ? null : CompactLog.fromBytes(bytes),
        logVersion: Number(logVersion ?? 0),
      },
      bounds,
    );
  }

  // --- reads -------------------------------------------------------------------------------

  async getUploadToken(token: string): Promise<TokenRecord | null> {
    const h = await this.hash(this.keys.token(token));
    if (h === null) return null;
    return { indexId: h.indexId!, phoneId: h.phoneId!, expiresAt: Number(h.expiresAt) };
  }

  async redeemFailures(key: string, now: number): Promise<number> {
    return redeemFailures(failuresOf(await this.cmd(["GET", this.keys.failures(key)])), now);
  }

  phoneOfSecret(secretHash: string): Promise<string | null> {
    return this.cmd<string | null>(["HGET", this.keys.credential(secretHash), "phoneId"]);
  }

  async getUpload(uploadId: string): Promise<UploadAck | null> {
    return ackOf(await this.hash(this.keys.upload(uploadId)));
  }

  async getPhone(phoneId: string): Promise<PhoneRecord | null> {
    const k = this.keys;
    const [h, keys, exposures, indexIds] = (await this.guarded(
      this.client
        .multi()
        .addCommand(["HGETALL", k.phone(phoneId)])
        .addCommand(["HGETALL", k.phoneKeys(phoneId)])
        .addCommand(["SMEMBERS", k.phoneExposures(phoneId)])
        .addCommand(["LRANGE", k.phoneIndexes(phoneId), "0", "-1"])
        .exec(),
    )) as unknown as [unknown, unknown, string[], string[]];
    const fields = asHash(h);
    if (fields === null) return null;
    const head = phoneHeadOf(PHONE_HEAD_FIELDS.map((f) => fields[f] ?? null));
    return {
      phoneId,
      ...head,
      keys: Object.entries(asHash(keys) ?? {})
        .map(([day, key]) => ({ unixDay: Number(day), key }))
        .sort((a, b) => a.unixDay - b.unixDay),
      exposures,
      indexIds,
    };
  }

  async getLog(phoneId: string): Promise<readonly LogEntry[]> {
    const bytes = await this.cmd<Buffer | null>(["GET", this.keys.phoneLog(phoneId)], BINARY);
    return bytes === null ? [] : CompactLog.fromBytes(bytes).toEntries();
  }

  async getIndex(indexId: string): Promise<IndexRecord | null> {
    const index = indexOf(await this.hash(this.keys.index(indexId)));
    if (index === null) return null;
    const { pushSig: _, ...record } = index;
    return record;
  }

  listIndexIds(): Promise<string[]> {
    return this.cmd<string[]>(["LRANGE", this.keys.indexes, "0", "-1"]);
  }

  candidatesOf(indexId: string): Promise<string[]> {
    return this.cmd<string[]>(["SMEMBERS", this.keys.candidates(indexId)]);
  }

  async listPushes(since: number, limit: number): Promise<PushPage> {
    const members = await this.cmd<string[]>([
      "ZRANGE",
      this.keys.pushes,
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

  async notificationsOf(phoneId: string): Promise<Notification[]> {
    const items = await this.cmd<string[]>(["LRANGE", this.keys.phoneNotes(phoneId), "0", "-1"]);
    return items.map((s) => JSON.parse(s) as Notification);
  }

  async stats(): Promise<StoreStats> {
    const [h, seq] = (await this.guarded(
      this.client
        .multi()
        .addCommand(["HGETALL", this.keys.stats])
        .addCommand(["GET", this.keys.seq])
        .exec(),
    )) as unknown as [unknown, string | null];
    const s = asHash(h) ?? {};
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

  // --- processes -----------------------------------------------------------------------------

  async reportConnected(processId: string, count: number, nowMs: number): Promise<void> {
    const k = this.keys.connected;
    if (count === 0) await this.cmd(["HDEL", k, processId]);
    else await this.cmd(["HSET", k, processId, `${count}:${nowMs}`]);
  }

  async connectedPhones(nowMs: number): Promise<number> {
    const h = asHash(await this.cmd(["HGETALL", this.keys.connected])) ?? {};
    let sum = 0;
    for (const v of Object.values(h)) {
      const [count, at] = v.split(":").map(Number);
      if (nowMs - at! <= CONNECTED_TTL_MS) sum += count!;
    }
    return sum;
  }

  /** Socket.IO's Redis adapter on two connections of its own (publish, subscribe). */
  private async openSocketAdapter(onError: (err: Error) => void): Promise<SocketAdapter> {
    const pub = await connectRedis(this.url, onError);
    const sub = await connectRedis(this.url, onError).catch((err) => {
      pub.destroy();
      throw err;
    });
    this.connections.add(pub);
    this.connections.add(sub);
    return {
      adapter: createAdapter(pub, sub, { key: `${this.prefix}socket.io` }),
      close: async () => {
        for (const c of [pub, sub]) this.connections.remove(c);
        for (const c of [pub, sub]) await closeClient(c);
      },
    };
  }

  /** Tells `on.lost` when a connection to Redis is lost, and `on.back` when all are back. */
  private watchConnection(on: ConnectionWatcher): void {
    this.connections.watch(on);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Unreachable, there is nothing to flush: do not wait for a reconnection.
    if (!this.client.isReady) {
      if (this.client.isOpen) this.client.destroy();
      return;
    }
    await closeClient(this.client);
  }

  // --- helpers -----------------------------------------------------------------------------

  private transact<T>(step: (c: Reader) => Promise<Transition<T>>): Promise<T> {
    if (this.closed) return Promise.reject(new Error("store is closed"));
    return transact(this.client, this.keys, this.reads, step);
  }

  /** Every key under the prefix matching `pattern` (SCAN: does not block Redis). */
  private async *scan(pattern: string): AsyncGenerator<string> {
    let cursor = "0";
    do {
      const [next, keys] = await this.cmd<[string, string[]]>([
        "SCAN",
        cursor,
        "MATCH",
        `${this.prefix}${pattern}`,
        "COUNT",
        "1000",
      ]);
      cursor = String(next);
      yield* keys;
    } while (cursor !== "0");
  }

  private async hash(key: string): Promise<Record<string, string> | null> {
    return asHash(await this.cmd(["HGETALL", key]));
  }

  private cmd<T>(args: (string | Buffer)[], options?: typeof BINARY): Promise<T> {
    if (this.closed) return Promise.reject(new Error("store is closed"));
    return this.guarded(this.client.sendCommand<T>(args, options));
  }

  /** A command's answer, or StoreUnavailableError if Redis is away or went away under it. */
  private guarded<T>(p: Promise<T>): Promise<T> {
    if (!this.client.isReady) {
      p.catch(() => {});
      return Promise.reject(unavailable());
    }
    return guard(p).catch((err: unknown) => {
      if (!this.client.isReady || isConnectionLost(err)) throw unavailable();
      throw err;
    });
  }
}

/** Closes a client, or drops it if Redis is away (nothing to wait for). */
async function closeClient(c: RedisClient): Promise<void> {
  if (!c.isReady) {
    if (c.isOpen) c.destroy();
    return;
  }
  await c.close().catch(() => {
    if (c.isOpen) c.destroy();
  });
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
