import { GAEN_INTERVAL_SECONDS, GAEN_INTERVALS_PER_DAY, SECONDS_PER_DAY } from "@tracebed/protocol";

/*
 * What the GAEN design keeps, and for how long (docs/PRIVACY.md): the window of `windowDays`
 * days (14 by default, as exposure-notifications-server's CLEANUP_TTL of 336 h). A key whose
 * rolling period ended that long ago matches nothing a phone still keeps, so it is deleted,
 * exactly as an upload of it is refused (`expired`); an export file is deleted once its
 * period ended that long ago (every key in it has then ended too), with the upload records
 * received before that. Both stores apply these bounds (GaenStore.retain).
 */

/** How often the export batcher sweeps (a sweep that finds nothing old costs one scan). */
export const GAEN_RETENTION_EVERY_SECONDS = 3_600;

/** The latest key end (10-minute interval) that is too old: keys ending ≤ this are refused and deleted. */
export function expiredKeyEnd(now: number, windowDays: number): number {
  return Math.floor(now / GAEN_INTERVAL_SECONDS) - windowDays * GAEN_INTERVALS_PER_DAY;
}

/** What GaenStore.retain deletes. */
export interface GaenRetentionBounds {
  /** Keys whose rollingStartIntervalNumber + rollingPeriod ≤ this. */
  readonly keysEndingBy: number;
  /** Upload records received before this (Unix seconds). */
  readonly uploadsBefore: number;
  /** Batches ≤ this: their export files, or their keys' lists if never exported. */
  readonly batchesUpTo: number;
}

export function gaenRetentionBounds(
  now: number,
  windowDays: number,
  periodSeconds: number,
): GaenRetentionBounds {
  const cutoff = now - windowDays * SECONDS_PER_DAY;
  return {
    keysEndingBy: expiredKeyEnd(now, windowDays),
    uploadsBefore: cutoff,
    // Batch b's period ends at (b + 1) · period; it goes once that end is ≤ the cutoff.
    batchesUpTo: Math.floor(cutoff / periodSeconds) - 1,
  };
}

/** What one sweep deleted. */
export interface GaenRetentionReport {
  readonly keys: number;
  readonly uploads: number;
  readonly exports: number;
  /** Batches never exported: ≤ batchesUpTo, or whose keys were all deleted. */
  readonly batches: number;
}

export const keyEnd = (k: { rollingStartIntervalNumber: number; rollingPeriod: number }) =>
  k.rollingStartIntervalNumber + k.rollingPeriod;
