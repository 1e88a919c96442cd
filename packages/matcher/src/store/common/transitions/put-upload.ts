import { type UploadAck, WIRE_SIZES } from "@tracebed/protocol";
import { CompactLog, mergeLogs } from "../compact-log.js";
import { logRetainedFrom } from "../log-retention.js";
import type { PhoneHead, UploadState } from "../records.js";
import type { NewUpload, PutUploadResult } from "../types.js";
import { type Transition, unchanged, type Write } from "../writes.js";

/** What an upload reads: the upload stored under its idempotency key, the phone, its log. */
export interface UploadReads {
  readonly prior: UploadState | null;
  readonly phone: PhoneHead | null;
  /** The phone's stored log (read for log uploads). */
  readonly log: CompactLog | null;
}

/**
 * Idempotent per (phoneId, idempotencyKey): a retry with the same body replays the original's
 * acknowledgement, another body is a conflict; a phone keeps its first scheme. Keys merge one
 * per day (this upload's win); a log merges into the phone's (see MatcherStore.putUpload).
 */
export function putUpload(r: UploadReads, u: NewUpload): Transition<PutUploadResult> {
  if (r.prior !== null) {
    const status = r.prior.bodyHash === u.bodyHash ? "replayed" : "conflict";
    return unchanged({ status, ack: { ...r.prior.ack, replayed: true } });
  }
  if (r.phone?.scheme != null && r.phone.scheme !== u.scheme) {
    return unchanged({ status: "scheme_mismatch", scheme: r.phone.scheme });
  }
  const writes: Write[] = [{ op: "setScheme", phoneId: u.phoneId, scheme: u.scheme }];
  let count: number;
  if (u.kind === "keys") {
    const keys = u.keys ?? [];
    const keysVersion = (r.phone?.keysVersion ?? 0) + 1;
    writes.push({ op: "putKeys", phoneId: u.phoneId, keys, keysVersion });
    count = keys.length;
  } else {
    // Before any write: a bad ID throws here and nothing changes.
    const log = storedLog(r.log, u);
    const logVersion = (r.phone?.logVersion ?? 0) + 1;
    writes.push({ op: "putLog", phoneId: u.phoneId, log, logVersion });
    count = u.log?.length ?? 0;
  }
  if (u.exposures.length > 0) {
    writes.push({ op: "addExposures", phoneId: u.phoneId, indexIds: u.exposures });
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
  writes.push(
    { op: "putUpload", upload: { ack, bodyHash: u.bodyHash } },
    { op: "count", field: "uploads", by: 1 },
  );
  return { result: { status: "stored", ack }, writes };
}

/** The phone's log after a log upload: merged, pruned (see MatcherStore.putUpload). */
function storedLog(stored: CompactLog | null, u: NewUpload): CompactLog {
  const incoming = CompactLog.fromEntries(u.log ?? [], WIRE_SIZES[u.scheme].idBytes);
  // Journals written before pruning have no windowDays: they replay keeping everything.
  const since = u.windowDays === undefined ? 0 : logRetainedFrom(u.receivedAt, u.windowDays);
  return mergeLogs(stored ?? CompactLog.empty(incoming.idBytes), incoming, since);
}
