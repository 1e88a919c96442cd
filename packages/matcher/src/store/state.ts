import {
  type DailyKey,
  type KeyPush,
  type LogEntry,
  MAX_DAILY_KEYS,
  type Notification,
  type SchemeName,
  type UploadAck,
  WIRE_SIZES,
} from "@tracebed/protocol";
import { CompactLog, mergeLogs } from "./compact-log.js";
import { logRetainedFrom } from "./log-retention.js";
import { pushDayRange } from "./push-window.js";
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
  type Role,
  roleRank,
  type StoreStats,
  type TokenRecord,
} from "./types.js";

/** How long a used or expired code stays known (refused as used/expired, never reissued). */
export const CODE_RETENTION_SECONDS = 7 * 86_400;

interface CodeState extends CodeRecord {
  usedBy: string | null;
  failures: number;
}

interface UploadState {
  readonly ack: UploadAck;
  readonly bodyHash: string;
}

interface PhoneState {
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

interface IndexState {
  indexId: string;
  phoneId: string;
  role: "F0" | "F1";
  windowEnd: number;
  createdAt: number;
  pushSeq: number | null;
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
 */
export class MemoryState {
  private readonly codes = new Map<string, CodeState>();
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly uploads = new Map<string, UploadState>();
  private readonly idempotency = new Map<string, string>();
  private readonly phones = new Map<string, PhoneState>();
  private readonly indexes = new Map<string, IndexState>();
  private readonly candidates = new Map<string, Set<string>>();
  /** pushes[i].seq === i + 1. */
  private readonly pushes: KeyPush[] = [];
  private readonly counts = { uploads: 0, codes: 0, F0: 0, F1: 0, F2: 0, notificationsSent: 0 };

  // --- mutations (journaled) -------------------------------------------------------------

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
    c.usedBy = input.phoneId;
    const index: IndexState = {
      indexId: input.indexId,
      phoneId: input.phoneId,
      role: "F0",
      windowEnd: c.confirmedAt,
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
      set.add(u.phoneId);
    }
    const ack: UploadAck = {
      uploadId: u.uploadId,
      idempotencyKey: u.idempotencyKey,
      phoneId: u.phoneId,
      kind: u.kind,
      count,
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
    if (index === undefined || index.pushSeq !== null) return { result: null, changed: false };
    const phone = this.phones.get(index.phoneId);
    if (phone === undefined || phone.scheme === null) return { result: null, changed: false };
    const [first, last] = pushDayRange(index.windowEnd, Math.min(input.windowDays, MAX_DAILY_KEYS));
    const keys: DailyKey[] = [...phone.keys]
      .filter(([day]) => day >= first && day <= last)
      .sort(([a], [b]) => a - b)
      .map(([unixDay, key]) => ({ unixDay, key }));
    if (keys.length === 0) return { result: null, changed: false };
    const push: KeyPush = {
      seq: this.pushes.length + 1,
      indexId: index.indexId,
      role: index.role,
      scheme: phone.scheme,
      windowEnd: index.windowEnd,
      keys,
      pushedAt: input.pushedAt,
    };
    this.pushes.push(push);
    index.pushSeq = push.seq;
    return { result: push, changed: true };
  }

  notify(input: NotifyInput): Applied<boolean> {
    const phone = this.phone(input.phoneId);
    const role = input.notification.role;
    if (roleRank(role) <= roleRank(phone.role)) return { result: false, changed: false };
    this.setRole(phone, role);
    phone.notifications.push(input.notification);
    this.counts.notificationsSent++;
    if (role === "F1" && input.newIndex !== null) {
      const index: IndexState = {
        indexId: input.newIndex.indexId,
        phoneId: input.phoneId,
        role: "F1",
        windowEnd: input.newIndex.windowEnd,
        createdAt: input.newIndex.createdAt,
        pushSeq: null,
      };
      this.indexes.set(index.indexId, index);
      phone.indexIds.push(index.indexId);
    }
    return { result: true, changed: true };
  }

  // --- reads ------------------------------------------------------------------------------

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
    return i === undefined ? null : { ...i };
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

  private setRole(phone: PhoneState, role: Role): void {
    if (phone.role !== null) this.counts[phone.role]--;
    phone.role = role;
    this.counts[role]++;
  }
}

/** The phone's log after a log upload: merged, pruned (see MatcherStore.putUpload). */
function storedLog(stored: CompactLog | null, u: NewUpload): CompactLog {
  const incoming = CompactLog.fromEntries(u.log ?? [], WIRE_SIZES[u.scheme].idBytes);
  // Journals written before pruning have no windowDays: they replay keeping everything.
  const since = u.windowDays === undefined ? 0 : logRetainedFrom(u.receivedAt, u.windowDays);
  return mergeLogs(stored ?? CompactLog.empty(incoming.idBytes), incoming, since);
}

function refused(reason: Exclude<RedeemResult, { ok: true }>["reason"], changed: boolean) {
  return { result: { ok: false, reason } as RedeemResult, changed };
}
