/*
 * How the Redis store keeps the records (P = the prefix; a single Redis, not a Cluster):
 *
 *   P code:{code}          hash  caseRef confirmedAt expiresAt issuedAt usedBy failures
 *   P token:{token}        hash  indexId phoneId expiresAt
 *   P idem:{phone}:{key}   hash  uploadId hash
 *   P upload:{id}          hash  the acknowledgement's fields (refused: JSON)
 *   P phone:{id}           hash  scheme role keysVersion logVersion
 *   P phone:{id}:keys      hash  unixDay → key
 *   P phone:{id}:log       string the phone's stored log, a CompactLog's bytes (compact-log.ts)
 *   P phone:{id}:exp       set   index ids named in exposure uploads
 *   P phone:{id}:idx       list  index ids the phone is
 *   P phone:{id}:notes     list  notification JSON
 *   P index:{id}           hash  indexId phoneId role windowEnd windowStart (F1) createdAt
 *                                pushSeq pushSig (the latest push's signature)
 *   P indexes              list  every index id, in creation order
 *   P cands:{indexId}      set   phones that named the index
 *   P seq                  string the last push seq
 *   P pushes               zset  push JSON scored by seq
 *   P stats                hash  uploads codes F0 F1 F2 notificationsSent pushes
 *   P conn                 hash  process id → "count:ms"
 *   P fails:{key}          string "count:until": refused redemptions under a key (addr:{ip} or
 *                                global), expiring with its window
 *   P cred:{sha256}        hash  phoneId at: a phone's credential, by its secret's SHA-256
 */
import type { RefusedKey, SchemeName, UploadAck } from "@tracebed/protocol";
import type {
  CodeState,
  CredentialState,
  FailureWindow,
  IndexState,
  PhoneHead,
} from "../common/records.js";
import type { Role } from "../common/types.js";

export class Keys {
  constructor(readonly prefix: string) {}
  code = (code: string) => `${this.prefix}code:${code}`;
  token = (token: string) => `${this.prefix}token:${token}`;
  idem = (phoneId: string, key: string) => `${this.prefix}idem:${phoneId}:${key}`;
  upload = (uploadId: string) => `${this.prefix}upload:${uploadId}`;
  phone = (phoneId: string) => `${this.prefix}phone:${phoneId}`;
  phoneKeys = (phoneId: string) => `${this.prefix}phone:${phoneId}:keys`;
  phoneLog = (phoneId: string) => `${this.prefix}phone:${phoneId}:log`;
  phoneExposures = (phoneId: string) => `${this.prefix}phone:${phoneId}:exp`;
  phoneIndexes = (phoneId: string) => `${this.prefix}phone:${phoneId}:idx`;
  phoneNotes = (phoneId: string) => `${this.prefix}phone:${phoneId}:notes`;
  index = (indexId: string) => `${this.prefix}index:${indexId}`;
  candidates = (indexId: string) => `${this.prefix}cands:${indexId}`;
  failures = (key: string) => `${this.prefix}fails:${key}`;
  credential = (secretHash: string) => `${this.prefix}cred:${secretHash}`;
  get indexes() {
    return `${this.prefix}indexes`;
  }
  get seq() {
    return `${this.prefix}seq`;
  }
  get pushes() {
    return `${this.prefix}pushes`;
  }
  get stats() {
    return `${this.prefix}stats`;
  }
  get connected() {
    return `${this.prefix}conn`;
  }
}

type Hash = Record<string, string>;

/** HGETALL answers a flat array over RESP2 and a map over RESP3; null for no hash. */
export function asHash(reply: unknown): Hash | null {
  let out: Hash;
  if (Array.isArray(reply)) {
    out = {};
    for (let i = 0; i + 1 < reply.length; i += 2) out[String(reply[i])] = String(reply[i + 1]);
  } else out = (reply ?? {}) as Hash;
  return Object.keys(out).length === 0 ? null : out;
}

export function codeOf(code: string, h: Hash | null): CodeState | null {
  if (h === null) return null;
  return {
    code,
    caseRef: h.caseRef!,
    confirmedAt: Number(h.confirmedAt),
    expiresAt: Number(h.expiresAt),
    issuedAt: Number(h.issuedAt),
    usedBy: h.usedBy ?? null,
    failures: Number(h.failures ?? 0),
  };
}

export function credentialOf(h: Hash | null): CredentialState | null {
  return h === null ? null : { phoneId: h.phoneId!, registeredAt: Number(h.at) };
}

/** HMGET phone scheme role keysVersion logVersion. */
export const PHONE_HEAD_FIELDS = ["scheme", "role", "keysVersion", "logVersion"];

export function phoneHeadOf(fields: readonly (string | null)[]): PhoneHead {
  const [scheme, role, keysVersion, logVersion] = fields;
  return {
    scheme: (scheme as SchemeName | null) ?? null,
    role: (role as Role | null) ?? null,
    keysVersion: Number(keysVersion ?? 0),
    logVersion: Number(logVersion ?? 0),
  };
}

export function indexOf(h: Hash | null): (IndexState & { pushSig: string | null }) | null {
  if (h === null) return null;
  return {
    indexId: h.indexId!,
    phoneId: h.phoneId!,
    role: h.role as "F0" | "F1",
    windowEnd: Number(h.windowEnd),
    windowStart: h.windowStart === undefined ? null : Number(h.windowStart),
    createdAt: Number(h.createdAt),
    pushSeq: h.pushSeq === undefined ? null : Number(h.pushSeq),
    pushSig: h.pushSig ?? null,
  };
}

export function ackOf(h: Hash | null): UploadAck | null {
  if (h === null) return null;
  const kind = h.kind as "keys" | "log";
  const refused: RefusedKey[] | undefined =
    h.refused === undefined || h.refused === "" ? undefined : JSON.parse(h.refused);
  return {
    uploadId: h.uploadId!,
    idempotencyKey: h.idempotencyKey!,
    phoneId: h.phoneId!,
    kind,
    count: Number(h.count),
    ...(refused === undefined ? (kind === "keys" ? { refused: [] } : {}) : { refused }),
    receivedAt: Number(h.receivedAt),
    replayed: false,
  };
}

export function failuresOf(value: string | null): FailureWindow | null {
  if (value === null) return null;
  const [count, until] = value.split(":").map(Number);
  return { count: count!, until: until! };
}
