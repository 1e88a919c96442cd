import type { Notification, SchemeName, UploadAck } from "@tracebed/protocol";
import type { CodeRecord, Role, TokenRecord } from "./types.js";

/**
 * The records the transitions read and write (transitions/*.ts). Each store keeps them in its
 * own shape (maps in memory, hashes in Redis) and hands them over as these.
 */

/** A code as kept: who used it, and how many refused attempts named it. */
export interface CodeState extends CodeRecord {
  usedBy: string | null;
  failures: number;
}

/** A stored upload: its acknowledgement, and its body's hash (a retry must match it). */
export interface UploadState {
  readonly ack: UploadAck;
  readonly bodyHash: string;
}

/** What the transitions read of a phone (its keys, log and lists are read apart). */
export interface PhoneHead {
  readonly scheme: SchemeName | null;
  readonly role: Role | null;
  readonly keysVersion: number;
  readonly logVersion: number;
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

/** A registered phone's credential: the SHA-256 (hex) of its secret → the phone. */
export interface CredentialState {
  readonly phoneId: string;
  readonly registeredAt: number;
}

/** Refused redemptions under one key, counted in the window that began with the first. */
export interface FailureWindow {
  readonly count: number;
  /** Unix seconds: the window ends here. */
  readonly until: number;
}

/** The counters stats() reports (pushes are counted by the push log itself). */
export interface Counts {
  uploads: number;
  codes: number;
  F0: number;
  F1: number;
  F2: number;
  notificationsSent: number;
}

export type CountField = keyof Counts;

export type { Notification, TokenRecord };
