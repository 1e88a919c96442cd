import type { DailyKey, KeyPush, Notification, SchemeName } from "@tracebed/protocol";
import type { CompactLog } from "./compact-log.js";
import type {
  CodeState,
  CountField,
  CredentialState,
  FailureWindow,
  IndexState,
  UploadState,
} from "./records.js";
import type { Role, TokenRecord } from "./types.js";

/**
 * One change a transition asks of the store. Each store applies a write to its own shape
 * (memory/state.ts to its maps, redis/writes.ts as commands the apply-if script runs): the rules
 * decide what changes, the stores only how it is kept.
 */
export type Write =
  | {
      readonly op: "putCredential";
      readonly secretHash: string;
      readonly credential: CredentialState;
    }
  /** A new code, or a known one changed (used, or one more refused attempt). */
  | { readonly op: "putCode"; readonly code: CodeState }
  | { readonly op: "putToken"; readonly token: string; readonly record: TokenRecord }
  | { readonly op: "putFailures"; readonly key: string; readonly window: FailureWindow }
  /** An upload stored under (phoneId, idempotencyKey) of its acknowledgement. */
  | { readonly op: "putUpload"; readonly upload: UploadState }
  | { readonly op: "setScheme"; readonly phoneId: string; readonly scheme: SchemeName }
  /** One key per day: these days' keys replace the stored ones. */
  | {
      readonly op: "putKeys";
      readonly phoneId: string;
      readonly keys: readonly DailyKey[];
      readonly keysVersion: number;
    }
  /** The phone's whole stored log. */
  | {
      readonly op: "putLog";
      readonly phoneId: string;
      readonly log: CompactLog;
      readonly logVersion: number;
    }
  /** The phone named these index persons: it is a candidate of each. */
  | { readonly op: "addExposures"; readonly phoneId: string; readonly indexIds: readonly string[] }
  | { readonly op: "setRole"; readonly phoneId: string; readonly role: Role }
  | { readonly op: "count"; readonly field: CountField; readonly by: number }
  | {
      readonly op: "addNotification";
      readonly phoneId: string;
      readonly notification: Notification;
    }
  /** A new index person: listed, and one of its phone's. */
  | { readonly op: "addIndex"; readonly index: IndexState }
  | {
      readonly op: "updateIndex";
      readonly indexId: string;
      readonly windowStart?: number;
      /** With the push's signature (see transitions/push-index.ts). */
      readonly pushed?: { readonly seq: number; readonly signature: string };
    }
  /** The next push, seq = the latest + 1. */
  | { readonly op: "appendPush"; readonly push: KeyPush }
  // Retention.
  | {
      readonly op: "dropUpload";
      readonly uploadId: string;
      readonly phoneId: string;
      readonly idempotencyKey: string;
    }
  /** The index person, its candidate set, and every mention of it (its phone's, candidates'). */
  | {
      readonly op: "dropIndex";
      readonly indexId: string;
      readonly phoneId: string;
      readonly candidates: readonly string[];
    }
  | { readonly op: "dropKeys"; readonly phoneId: string; readonly days: readonly number[] }
  | {
      readonly op: "keepNotifications";
      readonly phoneId: string;
      readonly kept: readonly Notification[];
    };

/** A transition's answer and the writes that make it so (none: nothing changes). */
export interface Transition<T> {
  readonly result: T;
  readonly writes: readonly Write[];
}

export function unchanged<T>(result: T): Transition<T> {
  return { result, writes: [] };
}
