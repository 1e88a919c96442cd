import { type Notification, SECONDS_PER_DAY, type UploadAck } from "@tracebed/protocol";
import { CompactLog, mergeLogs } from "../compact-log.js";
import { logRetainedFrom } from "../log-retention.js";
import type { IndexState } from "../records.js";
import type { RetentionReport } from "../types.js";
import type { Transition, Write } from "../writes.js";

/** What is kept (MatcherStore.retain): from `cutoff` on, and keys from `firstDay` on. */
export interface RetentionBounds {
  /** Unix seconds: `windowDays` + 1 days before now. */
  readonly cutoff: number;
  /** The first UTC day whose keys are kept: today − windowDays. */
  readonly firstDay: number;
}

export function retentionBounds(now: number, windowDays: number): RetentionBounds {
  return {
    cutoff: logRetainedFrom(now, windowDays),
    firstDay: Math.floor(now / SECONDS_PER_DAY) - windowDays,
  };
}

export const NOTHING_RETAINED: RetentionReport = {
  uploads: 0,
  keys: 0,
  logEntries: 0,
  notifications: 0,
  indexes: 0,
};

/** An upload acknowledgement received before the cutoff is forgotten (with its idempotency). */
export function retainUpload(ack: UploadAck, b: RetentionBounds): Transition<RetentionReport> {
  if (ack.receivedAt >= b.cutoff) return { result: NOTHING_RETAINED, writes: [] };
  const { uploadId, phoneId, idempotencyKey } = ack;
  return {
    result: { ...NOTHING_RETAINED, uploads: 1 },
    writes: [{ op: "dropUpload", uploadId, phoneId, idempotencyKey }],
  };
}

/** An index person whose window ended before the cutoff is forgotten, with its candidates. */
export function retainIndex(
  index: IndexState,
  candidates: readonly string[],
  b: RetentionBounds,
): Transition<RetentionReport> {
  if (index.windowEnd >= b.cutoff) return { result: NOTHING_RETAINED, writes: [] };
  const { indexId, phoneId } = index;
  return {
    result: { ...NOTHING_RETAINED, indexes: 1 },
    writes: [{ op: "dropIndex", indexId, phoneId, candidates }],
  };
}

/** What retention reads of one phone. */
export interface PhoneRetentionReads {
  readonly phoneId: string;
  readonly keyDays: Iterable<number>;
  readonly notifications: readonly Notification[];
  readonly log: CompactLog | null;
  readonly logVersion: number;
}

/** A phone's keys before firstDay, log entries and notifications before the cutoff go. */
export function retainPhone(
  p: PhoneRetentionReads,
  b: RetentionBounds,
): Transition<RetentionReport> {
  const writes: Write[] = [];
  const days = [...p.keyDays].filter((day) => day < b.firstDay);
  if (days.length > 0) writes.push({ op: "dropKeys", phoneId: p.phoneId, days });
  let logEntries = 0;
  if (p.log !== null) {
    const kept = mergeLogs(p.log, CompactLog.empty(p.log.idBytes), b.cutoff);
    logEntries = p.log.length - kept.length;
    if (logEntries > 0) {
      writes.push({ op: "putLog", phoneId: p.phoneId, log: kept, logVersion: p.logVersion + 1 });
    }
  }
  const kept = p.notifications.filter((n) => n.notifiedAt >= b.cutoff);
  const notifications = p.notifications.length - kept.length;
  if (notifications > 0) writes.push({ op: "keepNotifications", phoneId: p.phoneId, kept });
  const result = { ...NOTHING_RETAINED, keys: days.length, logEntries, notifications };
  return { result, writes };
}

/** The sum of two retention reports. */
export function addReports(a: RetentionReport, b: RetentionReport): RetentionReport {
  return {
    uploads: a.uploads + b.uploads,
    keys: a.keys + b.keys,
    logEntries: a.logEntries + b.logEntries,
    notifications: a.notifications + b.notifications,
    indexes: a.indexes + b.indexes,
  };
}
