import {
  type DailyKey,
  type KeyPush,
  MAX_DAILY_KEYS,
  type SchemeName,
  SECONDS_PER_DAY,
} from "@tracebed/protocol";
import { pushDayRange } from "../push-window.js";
import type { IndexState } from "../records.js";
import { type Transition, unchanged } from "../writes.js";

/** What a push reads: the index person, its phone's scheme and keys, the push log's end. */
export interface PushReads {
  readonly index: IndexState | null;
  readonly scheme: SchemeName | null;
  /** The phone's daily keys (unixDay, key), any order. */
  readonly keys: Iterable<readonly [number, string]>;
  /** The signature of the index person's latest push (null: none yet). */
  readonly lastSignature: string | null;
  /** The seq of the latest push of all. */
  readonly latestSeq: number;
}

/**
 * Pushes the index person's keys of its window (an F1's from its windowStart's day), under the
 * next seq. Nothing if it has no key in the window, or if its latest push carried the same keys
 * and windowStart (push once; a later keys upload or a lowered windowStart pushes again).
 */
export function pushIndex(
  r: PushReads,
  input: { readonly pushedAt: number; readonly windowDays: number },
): Transition<KeyPush | null> {
  const { index } = r;
  if (index === null || r.scheme === null) return unchanged(null);
  // Journals and snapshots from before causal windows have no windowStart.
  const windowStart = index.windowStart ?? null;
  const [first, last] = pushDays(index.windowEnd, windowStart, input.windowDays);
  const keys: DailyKey[] = [...r.keys]
    .filter(([day]) => day >= first && day <= last)
    .sort(([a], [b]) => a - b)
    .map(([unixDay, key]) => ({ unixDay, key }));
  if (keys.length === 0) return unchanged(null);
  const signature = pushSignature(windowStart, keys);
  if (signature === r.lastSignature) return unchanged(null);
  const push: KeyPush = {
    seq: r.latestSeq + 1,
    indexId: index.indexId,
    role: index.role,
    scheme: r.scheme,
    windowEnd: index.windowEnd,
    ...(windowStart === null ? {} : { windowStart }),
    keys,
    pushedAt: input.pushedAt,
  };
  return {
    result: push,
    writes: [
      { op: "appendPush", push },
      { op: "updateIndex", indexId: index.indexId, pushed: { seq: push.seq, signature } },
    ],
  };
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

/**
 * What makes two pushes of one index person the same: windowStart and keys. (The format is the
 * one Redis kept in `pushSig` before, so stored signatures still compare.)
 */
export function pushSignature(windowStart: number | null, keys: readonly DailyKey[]): string {
  const start = windowStart === null ? "" : `,"windowStart":${windowStart}`;
  const body = keys.map((k) => `{"unixDay":${k.unixDay},"key":"${k.key}"}`).join(",");
  return `${start}|${body}`;
}
