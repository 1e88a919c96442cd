import type {
  DailyKey,
  IndexRole,
  KeyPush,
  LogEntry,
  Notification,
  RefusedKey,
  SchemeName,
  UploadAck,
} from "@tracebed/protocol";

/** What the server knows a phone to be. A person counts once: F0 > F1 > F2. */
export type Role = "F0" | "F1" | "F2";

export { ROLE_RANK, roleRank } from "./transitions/role.js";

/** A single-use F0 code as issued by the HA. */
export interface CodeRecord {
  readonly code: string;
  readonly caseRef: string;
  /** Unix seconds: the F0's window ends here. */
  readonly confirmedAt: number;
  readonly expiresAt: number;
  readonly issuedAt: number;
}

/** An index person: an F0 (from a redeemed code) or a notified F1; its keys are pushed once. */
export interface IndexRecord {
  readonly indexId: string;
  readonly phoneId: string;
  readonly role: IndexRole;
  /** Unix seconds: the F0's confirmation or the F1's notification. */
  readonly windowEnd: number;
  /**
   * An F1's: unix seconds, 00:00 UTC of its exposure day, the earliest over the F0 it is a
   * contact of (its window is causal, the protocol's indexWindow); null for an F0.
   */
  readonly windowStart: number | null;
  readonly createdAt: number;
  /** The latest push of its keys (a later keys upload or an earlier exposure pushes again). */
  readonly pushSeq: number | null;
}

export interface RedeemInput {
  readonly code: string;
  readonly phoneId: string;
  /** Unix seconds. */
  readonly now: number;
  /** Refused attempts that name this code after which it is locked. */
  readonly maxCodeFailures: number;
  /** Chosen by the caller; used only on success. */
  readonly indexId: string;
  readonly uploadToken: string;
  readonly tokenExpiresAt: number;
}

export type RedeemFailure = "unknown" | "expired" | "used" | "locked" | "already_confirmed";

export type RedeemResult =
  | { readonly ok: true; readonly index: IndexRecord; readonly tokenExpiresAt: number }
  | { readonly ok: false; readonly reason: RedeemFailure };

/** What an upload token grants: uploads with basis `f0` by this phone, until expiresAt. */
export interface TokenRecord {
  readonly indexId: string;
  readonly phoneId: string;
  readonly expiresAt: number;
}

/** One validated upload as the store keeps it. */
export interface NewUpload {
  readonly uploadId: string;
  readonly kind: "keys" | "log";
  readonly phoneId: string;
  readonly idempotencyKey: string;
  readonly scheme: SchemeName;
  /** The upload's kind and the SHA-256 of its body bytes: a retry must match it. */
  readonly bodyHash: string;
  /** Unix seconds. */
  readonly receivedAt: number;
  /**
   * The decision window, UTC days (the matcher's `windowDays`): a log upload keeps the phone's
   * entries from receivedAt − (windowDays + 1) days on. In the upload, so a replay prunes alike.
   */
  readonly windowDays: number;
  /** Index persons named by an `exposure` basis (empty for `f0`). */
  readonly exposures: readonly string[];
  /** Stored keys only: the keys of the upload the route refused, with why (in the ack). */
  readonly keys?: readonly DailyKey[];
  readonly refused?: readonly RefusedKey[];
  readonly log?: readonly LogEntry[];
}

export type PutUploadResult =
  | { readonly status: "stored"; readonly ack: UploadAck }
  | { readonly status: "replayed"; readonly ack: UploadAck }
  /** Same (phoneId, idempotencyKey), different body: `ack` is the original's. */
  | { readonly status: "conflict"; readonly ack: UploadAck }
  /** The phone uploaded with another scheme before. */
  | { readonly status: "scheme_mismatch"; readonly scheme: SchemeName };

/** What the flow needs to know about a phone (its log is fetched apart: it can be large). */
export interface PhoneRecord {
  readonly phoneId: string;
  readonly scheme: SchemeName | null;
  readonly role: Role | null;
  /** Every uploaded daily key, one per day (the latest upload wins), ascending days. */
  readonly keys: readonly DailyKey[];
  /** Bumped by each stored key upload / log upload: caches of IDs and logs key on them. */
  readonly keysVersion: number;
  readonly logVersion: number;
  /** Index persons this phone named in exposure uploads. */
  readonly exposures: readonly string[];
  /** Index persons this phone is (as F0, as F1). */
  readonly indexIds: readonly string[];
}

export interface NotifyInput {
  readonly phoneId: string;
  readonly notification: Notification;
  /** For an F1: the index person it becomes (its keys are pushed next). */
  readonly newIndex: {
    readonly indexId: string;
    readonly windowEnd: number;
    /** 00:00 UTC of its exposure day (the decision's firstContactDay), unix seconds. */
    readonly windowStart: number;
    readonly createdAt: number;
  } | null;
}

export interface StoreStats {
  readonly uploads: number;
  readonly codes: number;
  /** Phones per current role (F0 = codes redeemed; F1 excludes F0; F2 excludes F1 and F0). */
  readonly F0: number;
  readonly F1: number;
  readonly F2: number;
  /** Notifications sent, upgrades included. */
  readonly notificationsSent: number;
  readonly pushes: number;
  readonly latestSeq: number;
}

export interface RetentionReport {
  readonly uploads: number;
  readonly keys: number;
  readonly logEntries: number;
  readonly notifications: number;
  readonly indexes: number;
}

export interface PushPage {
  /** seq > since, ascending, at most `limit`. */
  readonly pushes: readonly KeyPush[];
  /** More pushes follow the last one returned. */
  readonly more: boolean;
}

/** The memory store's files, for /metrics (see MatcherStore.storageFigures). */
export interface StorageFigures {
  /** The generation of the journal in use (see memory/data-dir.ts). */
  readonly generation: number;
  /** Journal bytes written since the last snapshot (all generations). */
  readonly journalBytes: number;
  /** The last snapshot's size (0: none yet). */
  readonly snapshotBytes: number;
}

/** A Socket.IO adapter that joins every process on one shared store (see MatcherStore.sharing). */
export interface SocketAdapter {
  /** What `io.adapter()` takes. */
  readonly adapter: unknown;
  /** Closes the adapter's own connections. */
  close(): Promise<void>;
}

/** What a store shared by several processes offers them (see MatcherStore.sharing). */
export interface StoreSharing {
  /** An adapter over which a push made by any process reaches every process's phones. */
  openSocketAdapter(onError: (err: Error) => void): Promise<SocketAdapter>;
  /**
   * Tells `on.lost` when the store becomes unreachable and `on.back` when it is reachable
   * again (then the process fans out the pushes it may have missed and reconciles).
   */
  watchConnection(on: { lost(): void; back(): void }): void;
}

/**
 * All state of the matcher, behind one interface (like Socket.IO's adapters). Each method is
 * atomic; each mutation is durable when its promise resolves (the memory store fsyncs its log;
 * the Redis store has Redis apply it). Reads see only durable state. Refusals change nothing
 * but the attempt counters that make limits work.
 *
 * The rules of every mutation are stated once, as pure transitions in common/transitions/;
 * a store reads the records a transition needs and applies the writes it returns.
 *
 * The optional members are seams: the server uses what a store offers and never asks which
 * store it has. The memory store offers `storageFigures`; Redis offers `durabilityWarning` and
 * `sharing`. A new store implements the methods and whichever seams fit it.
 */
export interface MatcherStore {
  /** What /v1/stats reports as the store (`memory`, `redis`, …). */
  readonly kind: string;

  /** Seam: sizes of the store's files, read at each /metrics scrape. */
  readonly storageFigures?: () => StorageFigures;
  /** Seam: a one-line warning for the operator at start (e.g. writes that a crash may lose). */
  durabilityWarning?(): Promise<string | null>;
  /** Seam: present when several matcher processes share the store. */
  readonly sharing?: StoreSharing;

  /** Stores a new code; false if that code value is still known (live, used or expired). */
  insertCode(rec: CodeRecord): Promise<boolean>;
  /** Single use: the first phone to redeem a live code becomes an F0 index person. */
  redeemCode(input: RedeemInput): Promise<RedeemResult>;
  getUploadToken(token: string): Promise<TokenRecord | null>;
  /**
   * Counts a refused redemption under `key` (a source address, or the global breaker); returns
   * the count inside the window that began with the key's first failure.
   */
  noteRedeemFailure(key: string, now: number, windowSeconds: number): Promise<number>;
  redeemFailures(key: string, now: number): Promise<number>;

  /** Registers a phone: its id and the SHA-256 (hex) of its server-issued secret. */
  registerPhone(phoneId: string, secretHash: string, now: number): Promise<void>;
  /** The phone a secret's SHA-256 (hex) belongs to, or null. */
  phoneOfSecret(secretHash: string): Promise<string | null>;

  /**
   * Idempotent per (phoneId, idempotencyKey). A stored log upload merges into the phone's log:
   * the union of every entry the phone uploaded (one sighting, once: entries with equal
   * ownId, contactId, rssi, txPower and timestamp are one), without the entries older than
   * receivedAt − (windowDays + 1) days, and bumps logVersion. The ack counts the upload's
   * entries. Keys merge one per day, the latest upload's key winning.
   */
  putUpload(upload: NewUpload): Promise<PutUploadResult>;
  /** The acknowledgement of a durable upload (`replayed: false`), or null. */
  getUpload(uploadId: string): Promise<UploadAck | null>;

  getPhone(phoneId: string): Promise<PhoneRecord | null>;
  /**
   * The phone's stored log (see putUpload), sorted by (timestamp, contactId, ownId, rssi,
   * txPower), no entry twice. Read-only.
   */
  getLog(phoneId: string): Promise<readonly LogEntry[]>;

  getIndex(indexId: string): Promise<IndexRecord | null>;
  listIndexIds(): Promise<string[]>;
  /** Phones that named this index person in an exposure upload. */
  candidatesOf(indexId: string): Promise<string[]>;
  /**
   * Pushes the index person's keys: its phone's keys of the `windowDays` UTC days up to its
   * window end (for an F1, from its windowStart's day on), with its windowStart, under the
   * next seq. Null if it has no key in the window, or if its latest push carried the same keys
   * and windowStart (so a later keys upload, or a lowered windowStart, pushes again).
   */
  pushIndex(indexId: string, pushedAt: number, windowDays: number): Promise<KeyPush | null>;
  listPushes(since: number, limit: number): Promise<PushPage>;

  /**
   * Notifies a phone if the role outranks its current one (none < F2 < F1 < F0); an F1
   * becomes an index person. False if it already had that role or a higher one.
   */
  notify(input: NotifyInput): Promise<boolean>;
  /**
   * An F1 found a contact of another F0 with an earlier exposure: its index's windowStart
   * becomes min(windowStart, the given one). True if it moved (then push and decide again).
   */
  lowerWindowStart(indexId: string, windowStart: number): Promise<boolean>;
  notificationsOf(phoneId: string): Promise<Notification[]>;

  stats(): Promise<StoreStats>;
  /** This process holds `count` phone connections (processes report; stale reports drop). */
  reportConnected(processId: string, count: number, nowMs: number): Promise<void>;
  connectedPhones(nowMs: number): Promise<number>;

  /**
   * Retention: deletes what is older than the window kept (`windowDays` + 1 days before `now`):
   * upload acknowledgements received before it, keys of days before today − windowDays, log
   * entries and notifications before it, index persons whose window ended before it (and the
   * phones that named them). Registrations and key pushes stay (catch-up leaves old pushes
   * out). Returns what it deleted; may defer (0s) while a snapshot is being taken.
   */
  retain(now: number, windowDays: number): Promise<RetentionReport>;

  /** Flushes and releases everything; later calls fail. */
  close(): Promise<void>;
}
