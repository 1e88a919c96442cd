import {
  type DailyKey,
  type KeyPush,
  type LogEntry,
  MAX_DAILY_KEYS,
  type Notification,
  type SchemeName,
  SECONDS_PER_DAY,
  type UploadAck,
  WIRE_SIZES,
} from "@tracebed/protocol";
import { CompactLog, mergeLogs } from "../shared/compact-log.js";
import { logRetainedFrom } from "../shared/log-retention.js";
import { pushDayRange } from "../shared/push-window.js";
import {
  type CodeRecord,
  type IndexRecord,
  type NewUpload,
  type NotifyInput,
  type PhoneRecord,
  type PushPage,
  type PutUploadResult,
  type RedeemInput,
  type RedeemResult,
  type RetentionReport,
  type Role,
  roleRank,
  type StoreStats,
  type TokenRecord,
} from "../shared/types.js";

/** How long a used or expired code stays known (refused as used/expired, never reissued). */
export const CODE_RETENTION_SECONDS = 7 * 86_400;

export interface CodeState extends CodeRecord {
  usedBy: string | null;
  failures: number;
}

export interface UploadState {
  readonly ack: UploadAck;
  readonly bodyHash: string;
}

export interface PhoneState {
  scheme: SchemeName | null;
  role: Role | null;
  keys: Map<number, string>;
  keysVersion: number;
  logVersion: number;
  log: CompactLog | null;
  exposures: Set<string>;
  indexIds: string[];
  notifications: Notification[];
}

export interface IndexState {
  indexId: string;
  phoneId: string;
  role: "F0" | "F1";
  windowEnd: number;
  /** See IndexRecord.windowStart. */
  windowStart: number | null;
  createdAt: number;
  pushSeq: number | null;
}

export interface Counts {
  uploads: number;
  codes: number;
  F0: number;
  F1: number;
  F2: number;
  notificationsSent: number;
}

/** A registered phone's credential: the SHA-256 (hex) of its secret → the phone. */
export interface CredentialState {
  readonly phoneId: string;
  readonly registeredAt: number;
}

/** The whole state as plain collections: what a snapshot holds (see snapshot.ts). */
export interface StateParts {
  readonly credentials: Map<string, CredentialState>;
  readonly codes: Map<string, CodeState>;
  readonly tokens: Map<string, TokenRecord>;
  readonly uploads: Map<string, UploadState>;
  readonly phones: Map<string, PhoneState>;
  readonly indexes: Map<string, IndexState>;
  readonly candidates: Map<string, Set<string>>;
  readonly pushes: KeyPush[];
  readonly counts: Counts;
}

/** The collections of an empty state (filled by the mutations, or by a snapshot's records). */
export function emptyParts(): StateParts {
  return {
    credentials: new Map(),
    codes: new Map(),
    tokens: new Map(),
    uploads: new Map(),
    phones: new Map(),
    indexes: new Map(),
    candidates: new Map(),
    pushes: [],
    counts: { uploads: 0, codes: 0, F0: 0, F1: 0, F2: 0, notificationsSent: 0 },
  };
}

/** The state at one point, read once, in order: what a snapshot is written from. */
export interface StateView {
  readonly credentials: Iterable<readonly [string, CredentialState]>;
  readonly codes: Iterable<CodeState>;
  readonly tokens: Iterable<readonly [string, TokenRecord]>;
  readonly uploads: Iterable<UploadState>;
  readonly phones: Iterable<readonly [string, PhoneState]>;
  readonly indexes: Iterable<IndexState>;
  readonly candidates: Iterable<readonly [string, ReadonlySet<string>]>;
  readonly pushes: Iterable<KeyPush>;
  readonly counts: Counts;
}

/** A mutation's result and whether it changed the state (only those are journaled). */
export interface Applied<T> {
  readonly result: T;
  readonly changed: boolean;
}

/**
 * The matcher's whole state in memory, with one deterministic method per mutation: the same
 * inputs in the same order rebuild the same state, which is how the journal is replayed.
 * Everything the methods need (ids, times) comes in their inputs.
 *
 * `capture` freezes a view of the state in O(codes) while it keeps changing: every map but
 * `codes` only ever gains keys, so its first n entries (insertion order) stay the same ones,
 * and `pushes` only grows; uploads, tokens, pushes and compact logs never change once made;
 * the records that do (a code, a phone, an index, a candidate set) are copied just before
 * their first change while a capture is held, and the view reads the copies.
 */
export class MemoryState {
  private readonly codes: Map<string, CodeState>;
  /** Insert-only, as every map below. */
  private readonly credentials: Map<string, CredentialState>;
  private readonly tokens: Map<string, TokenRecord>;
  private readonly uploads: Map<string, UploadState>;
  private readonly idempotency = new Map<string, string>();
  private readonly phones: Map<string, PhoneState>;
  private readonly indexes: Map<string, IndexState>;
  private readonly candidates: Map<string, Set<string>>;
  /** pushes[i].seq === i + 1. */
  private readonly pushes: KeyPush[];
  private readonly counts: Counts;
  /** While a capture is held: record → its copy from before its first change since. */
  private kept: Map<object, object> | null = null;

  /** An empty state, or the one a snapshot holds (its collections are taken over). */
  constructor(parts: StateParts = emptyParts()) {
    this.codes = parts.codes;
    this.credentials = parts.credentials;
    this.tokens = parts.tokens;
    this.uploads = parts.uploads;
    this.phones = parts.phones;
    this.indexes = parts.indexes;
    this.candidates = parts.candidates;
    this.pushes = parts.pushes;
    this.counts = parts.counts;
    for (const { ack } of this.uploads.values()) {
      this.idempotency.set(`${ack.phoneId}\n${ack.idempotencyKey}`, ack.uploadId);
    }
  }

  /** The state as it is now, unchanged by later mutations until `release`. One at a time. */
  capture(): StateView {
    if (this.kept !== null) throw new Error("the state is already captured");
    const kept = new Map<object, object>();
    this.kept = kept;
    const then = <T extends object>(v: T): T => (kept.get(v) as T | undefined) ?? v;
    const codes = [...this.codes.values()];
    const { credentials, tokens, uploads, phones, indexes, candidates, pushes } = this;
    const n = {
      credentials: credentials.size,
      tokens: tokens.size,
      uploads: uploads.size,
      phones: phones.size,
      indexes: indexes.size,
      candidates: candidates.size,
      pushes: pushes.length,
    };
    return {
      credentials: first(credentials, n.credentials),
      codes: map(codes, then),
      tokens: first(tokens, n.tokens),
      uploads: values(first(uploads, n.uploads)),
      phones: mapValues(first(phones, n.phones), then),
      indexes: map(values(first(indexes, n.indexes)), then),
      candidates: mapValues(first(candidates, n.candidates), then),
      pushes: head(pushes, n.pushes),
      counts: { ...this.counts },
    };
  }

  /** Ends the capture: records are changed in place again. */
  release(): void {
    this.kept = null;
  }

  // --- mutations (journaled) -------------------------------------------------------------

  registerPhone(input: { phoneId: string; secretHash: string; now: number }): Applied<boolean> {
    if (this.credentials.has(input.secretHash)) return { result: false, changed: false };
    this.credentials.set(input.secretHash, { phoneId: input.phoneId, registeredAt: input.now });
    return { result: true, changed: true };
  }

  insertCode(rec: CodeRecord): Applied<boolean> {
    let changed = false;
    // Forget codes long past their expiry, so the map stays bounded.
    for (const [code, c] of this.codes) {
      if (c.expiresAt + CODE_RETENTION_SECONDS <= rec.issuedAt) {
        this.codes.delete(code);
        changed = true;
      }
    }
    if (this.codes.has(rec.code)) return { result: false, changed };
    this.codes.set(rec.code, { ...rec, usedBy: null, failures: 0 });
    this.counts.codes++;
    return { result: true, changed: true };
  }

  redeemCode(input: RedeemInput): Applied<RedeemResult> {
    const c = this.codes.get(input.code);
    if (c === undefined) return refused("unknown", false);
    if (c.failures >= input.maxCodeFailures) return refused("locked", false);
    this.keep(c, (v) => ({ ...v }));
    if (c.usedBy !== null) {
      c.failures++;
      return refused("used", true);
    }
    if (input.now >= c.expiresAt) {
      c.failures++;
      return refused("expired", true);
    }
    const phone = this.phone(input.phoneId);
    if (phone.role === "F0") return refused("already_confirmed", false);
    this.keep(phone, copyPhone);
    c.usedBy = input.phoneId;
    const index: IndexState = {
      indexId: input.indexId,
      phoneId: input.phoneId,
      role: "F0",
      windowEnd: c.confirmedAt,
      windowStart: null,
      createdAt: input.now,
      pushSeq: null,
    };
    this.indexes.set(index.indexId, index);
    phone.indexIds.push(index.indexId);
    this.setRole(phone, "F0");
    this.tokens.set(input.uploadToken, {
      indexId: index.indexId,
      phoneId: input.phoneId,
      expiresAt: input.tokenExpiresAt,
    });
    return {
      result: { ok: true, index: { ...index }, tokenExpiresAt: input.tokenExpiresAt },
      changed: true,
    };
  }

  putUpload(u: NewUpload): Applied<PutUploadResult> {
    const idemKey = `${u.phoneId}\n${u.idempotencyKey}`;
    const existingId = this.idempotency.get(idemKey);
    if (existingId !== undefined) {
      const prior = this.uploads.get(existingId)!;
      const ack = { ...prior.ack, replayed: true };
      const status = prior.bodyHash === u.bodyHash ? "replayed" : "conflict";
      return { result: { status, ack }, changed: false };
    }
    const phone = this.phones.get(u.phoneId);
    if (phone?.scheme != null && phone.scheme !== u.scheme) {
      return { result: { status: "scheme_mismatch", scheme: phone.scheme }, changed: false };
    }
    // Before any change: a bad ID throws here and leaves the state as it was.
    const log = u.kind === "log" ? storedLog(phone?.log ?? null, u) : null;
    const p = phone ?? this.phone(u.phoneId);
    this.keep(p, copyPhone);
    p.scheme = u.scheme;
    let count = 0;
    if (log === null) {
      for (const { unixDay, key } of u.keys ?? []) p.keys.set(unixDay, key);
      p.keysVersion++;
      count = u.keys?.length ?? 0;
    } else {
      p.log = log;
      p.logVersion++;
      count = u.log?.length ?? 0;
    }
    for (const indexId of u.exposures) {
      p.exposures.add(indexId);
      let set = this.candidates.get(indexId);
      if (set === undefined) {
        set = new Set();
        this.candidates.set(indexId, set);
      }
      this.keep(set, (v) => new Set(v));
      set.add(u.phoneId);
    }
    const ack: UploadAck = {
      uploadId: u.uploadId,
      idempotencyKey: u.idempotencyKey,
      phoneId: u.phoneId,
      kind: u.kind,
      count,
      ...(u.kind === "keys" ? { refused: [...(u.refused ?? [])] } : {}),
      receivedAt: u.receivedAt,
      replayed: false,
    };
    this.uploads.set(u.uploadId, { ack, bodyHash: u.bodyHash });
    this.idempotency.set(idemKey, u.uploadId);
    this.counts.uploads++;
    return { result: { status: "stored", ack }, changed: true };
  }

  pushIndex(input: {
    indexId: string;
    pushedAt: number;
    windowDays: number;
  }): Applied<KeyPush | null> {
    const index = this.indexes.get(input.indexId);
    if (index === undefined) return { result: null, changed: false };
    const phone = this.phones.get(index.phoneId);
    if (phone === undefined || phone.scheme === null) return { result: null, changed: false };
    // Journals and snapshots from before causal windows have no windowStart.
    const windowStart = index.windowStart ?? null;
    const [first, last] = pushDays(index.windowEnd, windowStart, input.windowDays);
    const keys: DailyKey[] = [...phone.keys]
      .filter(([day]) => day >= first && day <= last)
      .sort(([a], [b]) => a - b)
      .map(([unixDay, key]) => ({ unixDay, key }));
    if (keys.length === 0) return { result: null, changed: false };
    const previous = index.pushSeq === null ? undefined : this.pushes[index.pushSeq - 1];
    if (previous !== undefined && samePush(previous, windowStart, keys)) {
      return { result: null, changed: false };
    }
    const push: KeyPush = {
      seq: this.pushes.length + 1,
      indexId: index.indexId,
      role: index.role,
      scheme: phone.scheme,
      windowEnd: index.windowEnd,
      ...(windowStart === null ? {} : { windowStart }),
      keys,
      pushedAt: input.pushedAt,
    };
    this.pushes.push(push);
    this.keep(index, (v) => ({ ...v }));
    index.pushSeq = push.seq;
    return { result: push, changed: true };
  }

  lowerWindowStart(input: { indexId: string; windowStart: number }): Applied<boolean> {
    const index = this.indexes.get(input.indexId);
    const current = index?.windowStart ?? null;
    if (index === undefined || current === null || input.windowStart >= current) {
      return { result: false, changed: false };
    }
    this.keep(index, (v) => ({ ...v }));
    index.windowStart = input.windowStart;
    return { result: true, changed: true };
  }

  notify(input: NotifyInput): Applied<boolean> {
    const phone = this.phone(input.phoneId);
    const role = input.notification.role;
    if (roleRank(role) <= roleRank(phone.role)) return { result: false, changed: false };
    this.keep(phone, copyPhone);
    this.setRole(phone, role);
    phone.notifications.push(input.notification);
    this.counts.notificationsSent++;
    if (role === "F1" && input.newIndex !== null) {
      const index: IndexState = {
        indexId: input.newIndex.indexId,
        phoneId: input.phoneId,
        role: "F1",
        windowEnd: input.newIndex.windowEnd,
        // Journals from before causal windows have none: the F1's window is then not causal.
        windowStart: input.newIndex.windowStart ?? null,
        createdAt: input.newIndex.createdAt,
        pushSeq: null,
      };
      this.indexes.set(index.indexId, index);
      phone.indexIds.push(index.indexId);
    }
    return { result: true, changed: true };
  }

  /** See MatcherStore.retain. Deferred (nothing deleted) while a capture is held. */
  retain(input: { now: number; windowDays: number }): Applied<RetentionReport> {
    const report = { uploads: 0, keys: 0, logEntries: 0, notifications: 0, indexes: 0 };
    // A capture reads the first n entries of maps that only gain keys: no deletion meanwhile.
    if (this.kept !== null) return { result: report, changed: false };
    const cutoff = logRetainedFrom(input.now, input.windowDays);
    const firstDay = Math.floor(input.now / SECONDS_PER_DAY) - input.windowDays;
    for (const [id, u] of this.uploads) {
      if (u.ack.receivedAt >= cutoff) continue;
      this.uploads.delete(id);
      this.idempotency.delete(`${u.ack.phoneId}\n${u.ack.idempotencyKey}`);
      report.uploads++;
    }
    const gone = new Set<string>();
    for (const [id, index] of this.indexes) {
      if (index.windowEnd >= cutoff) continue;
      this.indexes.delete(id);
      this.candidates.delete(id);
      gone.add(id);
      report.indexes++;
    }
    for (const p of this.phones.values()) {
      for (const day of [...p.keys.keys()]) {
        if (day >= firstDay) continue;
        p.keys.delete(day);
        report.keys++;
      }
      if (p.log !== null) {
        const kept = mergeLogs(p.log, CompactLog.empty(p.log.idBytes), cutoff);
        report.logEntries += p.log.length - kept.length;
        if (kept.length !== p.log.length) {
          p.log = kept;
          p.logVersion++;
        }
      }
      const notes = p.notifications.filter((n) => n.notifiedAt >= cutoff);
      report.notifications += p.notifications.length - notes.length;
      p.notifications = notes;
      if (gone.size > 0) {
        p.indexIds = p.indexIds.filter((i) => !gone.has(i));
        for (const i of gone) p.exposures.delete(i);
      }
    }
    const changed = Object.values(report).some((n) => n > 0);
    return { result: report, changed };
  }

  // --- reads ------------------------------------------------------------------------------

  phoneOfSecret(secretHash: string): string | null {
    return this.credentials.get(secretHash)?.phoneId ?? null;
  }

  getUploadToken(token: string): TokenRecord | null {
    return this.tokens.get(token) ?? null;
  }

  getUpload(uploadId: string): UploadAck | null {
    return this.uploads.get(uploadId)?.ack ?? null;
  }

  getPhone(phoneId: string): PhoneRecord | null {
    const p = this.phones.get(phoneId);
    if (p === undefined) return null;
    return {
      phoneId,
      scheme: p.scheme,
      role: p.role,
      keys: [...p.keys].sort(([a], [b]) => a - b).map(([unixDay, key]) => ({ unixDay, key })),
      keysVersion: p.keysVersion,
      logVersion: p.logVersion,
      exposures: [...p.exposures],
      indexIds: [...p.indexIds],
    };
  }

  getLog(phoneId: string): readonly LogEntry[] {
    return this.phones.get(phoneId)?.log?.toEntries() ?? [];
  }

  getIndex(indexId: string): IndexRecord | null {
    const i = this.indexes.get(indexId);
    return i === undefined ? null : { ...i, windowStart: i.windowStart ?? null };
  }

  listIndexIds(): string[] {
    return [...this.indexes.keys()];
  }

  candidatesOf(indexId: string): string[] {
    return [...(this.candidates.get(indexId) ?? [])];
  }

  listPushes(since: number, limit: number): PushPage {
    const from = Math.min(Math.max(0, since), this.pushes.length);
    const pushes = this.pushes.slice(from, from + limit);
    return { pushes, more: from + limit < this.pushes.length };
  }

  notificationsOf(phoneId: string): Notification[] {
    return [...(this.phones.get(phoneId)?.notifications ?? [])];
  }

  stats(): StoreStats {
    return { ...this.counts, pushes: this.pushes.length, latestSeq: this.pushes.length };
  }

  // --- helpers ----------------------------------------------------------------------------

  private phone(phoneId: string): PhoneState {
    let p = this.phones.get(phoneId);
    if (p === undefined) {
      p = {
        scheme: null,
        role: null,
        keys: new Map(),
        keysVersion: 0,
        logVersion: 0,
        log: null,
        exposures: new Set(),
        indexIds: [],
        notifications: [],
      };
      this.phones.set(phoneId, p);
    }
    return p;
  }

  /** While captured: keeps a copy of `record` as it is before its first change. */
  private keep<T extends object>(record: T, copy: (record: T) => T): void {
    if (this.kept !== null && !this.kept.has(record)) this.kept.set(record, copy(record));
  }

  private setRole(phone: PhoneState, role: Role): void {
    if (phone.role !== null) this.counts[phone.role]--;
    phone.role = role;
    this.counts[role]++;
  }
}

function copyPhone(p: PhoneState): PhoneState {
  return {
    ...p,
    keys: new Map(p.keys),
    exposures: new Set(p.exposures),
    indexIds: [...p.indexIds],
    notifications: [...p.notifications],
  };
}

/** The first n entries of a map that only gains keys: the same ones whenever it is read. */
function* first<K, V>(m: Map<K, V>, n: number): Generator<[K, V]> {
  if (n === 0) return;
  let i = 0;
  for (const entry of m) {
    yield entry;
    if (++i === n) return;
  }
}

/** The first n items of an array that only grows. */
function* head<T>(items: readonly T[], n: number): Generator<T> {
  for (let i = 0; i < n; i++) yield items[i]!;
}

function* values<K, V>(entries: Iterable<[K, V]>): Generator<V> {
  for (const [, v] of entries) yield v;
}

function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

function* mapValues<K, V>(entries: Iterable<[K, V]>, f: (v: V) => V): Generator<[K, V]> {
  for (const [k, v] of entries) yield [k, f(v)];
}

/** The phone's log after a log upload: merged, pruned (see MatcherStore.putUpload). */
function storedLog(stored: CompactLog | null, u: NewUpload): CompactLog {
  const incoming = CompactLog.fromEntries(u.log ?? [], WIRE_SIZES[u.scheme].idBytes);
  // Journals written before pruning have no windowDays: they replay keeping everything.
  const since = u.windowDays === undefined ? 0 : logRetainedFrom(u.receivedAt, u.windowDays);
  return mergeLogs(stored ?? CompactLog.empty(incoming.idBytes), incoming, since);
}

/** The days [first, last] of an index person's push (an F1's from its windowStart's day). */
export function pushDays(
  windowEnd: number,
  windowStart: number | null,
  windowDays: number,
): [number, number] {
  const [first, last] = pushDayRange(windowEnd, Math.min(windowDays, MAX_DAILY_KEYS));
  if (windowStart === null) return [first, last];
  return [Math.max(first, Math.floor(windowStart / SECONDS_PER_DAY)), last];
}

/** The push carries these keys and this windowStart already. */
function samePush(push: KeyPush, windowStart: number | null, keys: readonly DailyKey[]): boolean {
  if ((push.windowStart ?? null) !== windowStart || push.keys.length !== keys.length) return false;
  return push.keys.every((k, i) => k.unixDay === keys[i]!.unixDay && k.key === keys[i]!.key);
}

function refused(reason: Exclude<RedeemResult, { ok: true }>["reason"], changed: boolean) {
  return { result: { ok: false, reason } as RedeemResult, changed };
}
