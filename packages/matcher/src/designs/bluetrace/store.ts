import type { bluetrace, Notification } from "@tracebed/protocol";
import type { Role } from "../../store/common/types.js";

type KnownSighting = bluetrace.KnownSighting;
type BtUploadAck = bluetrace.BtUploadAck;

/** An index person of the BlueTrace flow: an F0 (from its code) or a notified F1. */
export interface BtIndex {
  readonly indexId: string;
  readonly phoneId: string;
  readonly role: "F0" | "F1";
  /** Unix s: the F0's confirmation, the F1's notification. */
  readonly windowEnd: number;
  /** An F1's: 00:00 UTC of its exposure day (the earliest over its F0); null for an F0. */
  readonly windowStart: number | null;
}

/** The health authority's request for an F1's log: a token its phone uploads with. */
export interface BtGrant {
  readonly uploadToken: string;
  readonly phoneId: string;
  readonly indexId: string;
  readonly expiresAt: number;
}

export interface BtNewUpload {
  readonly uploadId: string;
  readonly phoneId: string;
  readonly idempotencyKey: string;
  /** SHA-256 of the body bytes: a retry must match it. */
  readonly bodyHash: string;
  readonly ack: BtUploadAck;
  /** The upload's decrypted, valid sightings. */
  readonly sightings: readonly KnownSighting[];
}

export type BtPutResult =
  | { readonly status: "stored" | "replayed"; readonly ack: BtUploadAck }
  | { readonly status: "conflict"; readonly ack: BtUploadAck };

export interface BtNotifyInput {
  readonly phoneId: string;
  readonly notification: Notification;
  /** For an F1: its index record and the HA's request for its log. */
  readonly newIndex: BtIndex | null;
  readonly grant: BtGrant | null;
}

/** What a retention sweep deleted. */
export interface BtRetention {
  /** Log sightings older than the cutoff. */
  logEntries: number;
  /** Upload records (idempotency key, ack) received before the cutoff. */
  uploads: number;
  /** The HA's requests for an F1's log, expired. */
  grants: number;
}

/**
 * What the BlueTrace server holds (memory or Redis). Each method is atomic. It is what the
 * operator of a central server holds: the key that opens every TempID, each registered phone's
 * user id, and the decrypted logs of the phones that uploaded (docs/PROTOCOLS.md).
 */
export interface BtStore {
  readonly kind: "memory" | "redis";
  /** The server's AES-256 key, created on first use (one per deployment: processes share it). */
  key(): Promise<Uint8Array>;
  /** The phone's user id (UID_BYTES, base64), created on first use. */
  uidOf(phoneId: string): Promise<string>;
  phoneOfUid(uid: string): Promise<string | null>;
  /** Idempotent per (phoneId, idempotencyKey); merges the sightings into the phone's log. */
  putUpload(upload: BtNewUpload): Promise<BtPutResult>;
  /** The phone's decrypted log (every stored sighting once). */
  getLog(phoneId: string): Promise<readonly KnownSighting[]>;
  /** An F0 becomes an index person (its upload token's); false if it already was. */
  addF0(index: BtIndex): Promise<boolean>;
  indexOf(phoneId: string): Promise<BtIndex | null>;
  roleOf(phoneId: string): Promise<Role | null>;
  /** Notifies if the role outranks the phone's (none < F2 < F1 < F0); false otherwise. */
  notify(input: BtNotifyInput): Promise<boolean>;
  /** An F1's windowStart becomes min(current, windowStart); true if it moved. */
  lowerWindowStart(phoneId: string, windowStart: number): Promise<boolean>;
  grantOf(phoneId: string): Promise<BtGrant | null>;
  grant(uploadToken: string): Promise<BtGrant | null>;
  /** Every phone with a stored log, and every F0. */
  loggers(): Promise<string[]>;
  f0Phones(): Promise<string[]>;
  /**
   * Deletes log sightings and upload records older than `cutoff` (unix s: the window + 1 day
   * before now, as Bluezone's logs) and grants expired at `now`.
   */
  retain(cutoff: number, now: number): Promise<BtRetention>;
  /** What an operator can reconstruct from this store, counted (privacy.ts). */
  privacy(): Promise<bluetrace.PrivacyCounts>;
  /** Bytes of what it holds: user ids, logs, roles, index records, grants, upload acks. */
  storageBytes(): Promise<number>;
  close(): Promise<void>;
}
