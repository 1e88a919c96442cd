import type { KeyPush, LogEntry, Notification, SchemeName, UploadAck } from "@tracebed/protocol";
import type { CompactLog } from "../common/compact-log.js";
import type {
  CodeState,
  Counts,
  CredentialState,
  IndexState,
  UploadState,
} from "../common/records.js";
import { codeForgottenAt, insertCode } from "../common/transitions/insert-code.js";
import { lowerWindowStart } from "../common/transitions/lower-window-start.js";
import { notify } from "../common/transitions/notify.js";
import { pushIndex, pushSignature } from "../common/transitions/push-index.js";
import { putUpload } from "../common/transitions/put-upload.js";
import { redeemCode } from "../common/transitions/redeem-code.js";
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
} from "../common/types.js";
import type { Transition, Write } from "../common/writes.js";

export type { CodeState, Counts, CredentialState, IndexState, UploadState };

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
 * Everything the methods need (ids, times) comes in their inputs. Each method reads the
 * records a shared transition (../common/transitions) needs and applies the writes it returns.
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
    return this.apply(registerPhone(this.credentials.get(input.secretHash) ?? null, input));
  }

  insertCode(rec: CodeRecord): Applied<boolean> {
    let forgot = false;
    // Forget codes long past their expiry, so the map stays bounded.
    for (const [code, c] of this.codes) {
      if (codeForgottenAt(c) <= rec.issuedAt) {
        this.codes.delete(code);
        forgot = true;
      }
    }
    const { result, changed } = this.apply(insertCode(this.codes.get(rec.code) ?? null, rec));
    return { result, changed: changed || forgot };
  }

  redeemCode(input: RedeemInput): Applied<RedeemResult> {
    const code = this.codes.get(input.code) ?? null;
    return this.apply(redeemCode(code, this.phones.get(input.phoneId)?.role ?? null, input));
  }

  putUpload(u: NewUpload): Applied<PutUploadResult> {
    const priorId = this.idempotency.get(idempotencyKey(u.phoneId, u.idempotencyKey));
    const phone = this.phones.get(u.phoneId) ?? null;
    const prior = priorId === undefined ? null : this.uploads.get(priorId)!;
    return this.apply(putUpload({ prior, phone, log: phone?.log ?? null }, u));
  }

  pushIndex(input: {
    indexId: string;
    pushedAt: number;
    windowDays: number;
  }): Applied<KeyPush | null> {
    const index = this.indexes.get(input.indexId) ?? null;
    const phone = index === null ? undefined : this.phones.get(index.phoneId);
    const last = index?.pushSeq == null ? undefined : this.pushes[index.pushSeq - 1];
    const reads = {
      index,
      scheme: phone?.scheme ?? null,
      keys: phone?.keys ?? [],
      lastSignature: last === undefined ? null : pushSignature(last.windowStart ?? null, last.keys),
      latestSeq: this.pushes.length,
    };
    return this.apply(pushIndex(reads, input));
  }

  lowerWindowStart(input: { indexId: string; windowStart: number }): Applied<boolean> {
    const index = this.indexes.get(input.indexId) ?? null;
    return this.apply(lowerWindowStart(index, input.windowStart));
  }

  notify(input: NotifyInput): Applied<boolean> {
    return this.apply(notify(this.phones.get(input.phoneId)?.role ?? null, input));
  }

  /** See MatcherStore.retain. Deferred (nothing deleted) while a capture is held. */
  retain(input: { now: number; windowDays: number }): Applied<RetentionReport> {
    // A capture reads the first n entries of maps that only gain keys: no deletion meanwhile.
    if (this.kept !== null) return { result: NOTHING_RETAINED, changed: false };
    const bounds = retentionBounds(input.now, input.windowDays);
    let report = NOTHING_RETAINED;
    let changed = false;
    const sum = (a: Applied<RetentionReport>) => {
      report = addReports(report, a.result);
      changed ||= a.changed;
    };
    for (const u of [...this.uploads.values()]) sum(this.apply(retainUpload(u.ack, bounds)));
    for (const index of [...this.indexes.values()]) {
      const candidates = [...(this.candidates.get(index.indexId) ?? [])];
      sum(this.apply(retainIndex(index, candidates, bounds)));
    }
    for (const [phoneId, p] of this.phones) {
      const reads = {
        phoneId,
        keyDays: p.keys.keys(),
        notifications: p.notifications,
        log: p.log,
        logVersion: p.logVersion,
      };
      sum(this.apply(retainPhone(reads, bounds)));
    }
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

  // --- writes -----------------------------------------------------------------------------

  private apply<T>(t: Transition<T>): Applied<T> {
    for (const w of t.writes) this.write(w);
    return { result: t.result, changed: t.writes.length > 0 };
  }

  /** One write of a transition, kept in the maps (records copied first while captured). */
  private write(w: Write): void {
    switch (w.op) {
      case "putCredential":
        this.credentials.set(w.secretHash, w.credential);
        return;
      case "putCode": {
        const c = this.codes.get(w.code.code);
        if (c === undefined) this.codes.set(w.code.code, { ...w.code });
        else {
          this.keep(c, (v) => ({ ...v }));
          Object.assign(c, w.code);
        }
        return;
      }
      case "putToken":
        this.tokens.set(w.token, w.record);
        return;
      case "putFailures":
        throw new Error("redemption failures are not part of the journaled state");
      case "putUpload": {
        const { ack } = w.upload;
        this.uploads.set(ack.uploadId, w.upload);
        this.idempotency.set(idempotencyKey(ack.phoneId, ack.idempotencyKey), ack.uploadId);
        return;
      }
      case "setScheme":
        this.changePhone(w.phoneId).scheme = w.scheme;
        return;
      case "putKeys": {
        const p = this.changePhone(w.phoneId);
        for (const { unixDay, key } of w.keys) p.keys.set(unixDay, key);
        p.keysVersion = w.keysVersion;
        return;
      }
      case "putLog": {
        const p = this.changePhone(w.phoneId);
        p.log = w.log;
        p.logVersion = w.logVersion;
        return;
      }
      case "addExposures": {
        const p = this.changePhone(w.phoneId);
        for (const indexId of w.indexIds) {
          p.exposures.add(indexId);
          let set = this.candidates.get(indexId);
          if (set === undefined) {
            set = new Set();
            this.candidates.set(indexId, set);
          }
          this.keep(set, (v) => new Set(v));
          set.add(w.phoneId);
        }
        return;
      }
      case "setRole":
        this.changePhone(w.phoneId).role = w.role;
        return;
      case "count":
        this.counts[w.field] += w.by;
        return;
      case "addNotification":
        this.changePhone(w.phoneId).notifications.push(w.notification);
        return;
      case "addIndex":
        this.indexes.set(w.index.indexId, { ...w.index });
        this.changePhone(w.index.phoneId).indexIds.push(w.index.indexId);
        return;
      case "updateIndex": {
        const index = this.indexes.get(w.indexId)!;
        this.keep(index, (v) => ({ ...v }));
        if (w.windowStart !== undefined) index.windowStart = w.windowStart;
        if (w.pushed !== undefined) index.pushSeq = w.pushed.seq;
        return;
      }
      case "appendPush":
        this.pushes.push(w.push);
        return;
      case "dropUpload":
        this.uploads.delete(w.uploadId);
        this.idempotency.delete(idempotencyKey(w.phoneId, w.idempotencyKey));
        return;
      case "dropIndex": {
        this.indexes.delete(w.indexId);
        this.candidates.delete(w.indexId);
        const p = this.phones.get(w.phoneId);
        if (p !== undefined) p.indexIds = p.indexIds.filter((i) => i !== w.indexId);
        for (const c of w.candidates) this.phones.get(c)?.exposures.delete(w.indexId);
        return;
      }
      case "dropKeys": {
        const p = this.changePhone(w.phoneId);
        for (const day of w.days) p.keys.delete(day);
        return;
      }
      case "keepNotifications":
        this.changePhone(w.phoneId).notifications = [...w.kept];
        return;
    }
  }

  /** The phone (made if new), copied first while captured: it is about to change. */
  private changePhone(phoneId: string): PhoneState {
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
    } else this.keep(p, copyPhone);
    return p;
  }

  /** While captured: keeps a copy of `record` as it is before its first change. */
  private keep<T extends object>(record: T, copy: (record: T) => T): void {
    if (this.kept !== null && !this.kept.has(record)) this.kept.set(record, copy(record));
  }
}

function idempotencyKey(phoneId: string, key: string): string {
  return `${phoneId}\n${key}`;
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
