import { codeForgottenAt } from "../common/transitions/insert-code.js";
import type { Write } from "../common/writes.js";
import type { Keys } from "./layout.js";

/** A Redis command's arguments. */
export type Command = (string | Buffer)[];

/** How long a token stays readable after it expires (a late upload is told it expired). */
const TOKEN_GRACE_SECONDS = 86_400;

/** The commands that keep one write of a transition (the apply-if script runs them, all or none). */
export function commandsOf(k: Keys, w: Write): Command[] {
  switch (w.op) {
    case "putCredential":
      return [
        [
          "HSET",
          k.credential(w.secretHash),
          "phoneId",
          w.credential.phoneId,
          "at",
          String(w.credential.registeredAt),
        ],
      ];
    case "putCode": {
      const c = w.code;
      const key = k.code(c.code);
      const fields = [
        ["caseRef", c.caseRef],
        ["confirmedAt", String(c.confirmedAt)],
        ["expiresAt", String(c.expiresAt)],
        ["issuedAt", String(c.issuedAt)],
        ["failures", String(c.failures)],
        ...(c.usedBy === null ? [] : [["usedBy", c.usedBy]]),
      ].flat();
      return [
        ["HSET", key, ...fields],
        ["EXPIREAT", key, String(codeForgottenAt(c))],
      ];
    }
    case "putToken": {
      const r = w.record;
      const key = k.token(w.token);
      return [
        ["HSET", key, "indexId", r.indexId, "phoneId", r.phoneId, "expiresAt", String(r.expiresAt)],
        ["EXPIREAT", key, String(r.expiresAt + TOKEN_GRACE_SECONDS)],
      ];
    }
    case "putFailures": {
      const { count, until } = w.window;
      return [["SET", k.failures(w.key), `${count}:${until}`, "EXAT", String(until)]];
    }
    case "putUpload": {
      const { ack, bodyHash } = w.upload;
      return [
        [
          "HSET",
          k.idem(ack.phoneId, ack.idempotencyKey),
          "uploadId",
          ack.uploadId,
          "hash",
          bodyHash,
        ],
        [
          "HSET",
          k.upload(ack.uploadId),
          "uploadId",
          ack.uploadId,
          "idempotencyKey",
          ack.idempotencyKey,
          "phoneId",
          ack.phoneId,
          "kind",
          ack.kind,
          "count",
          String(ack.count),
          "receivedAt",
          String(ack.receivedAt),
          "refused",
          ack.refused === undefined ? "" : JSON.stringify(ack.refused),
        ],
      ];
    }
    case "setScheme":
      return [["HSET", k.phone(w.phoneId), "scheme", w.scheme]];
    case "putKeys": {
      const pairs = w.keys.flatMap((key) => [String(key.unixDay), key.key]);
      return [
        ...(pairs.length === 0 ? [] : [["HSET", k.phoneKeys(w.phoneId), ...pairs]]),
        ["HSET", k.phone(w.phoneId), "keysVersion", String(w.keysVersion)],
      ];
    }
    case "putLog": {
      const { bytes } = w.log;
      // The bytes as a Buffer without copying (node-redis sends Buffers as they are).
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
      return [
        ["SET", k.phoneLog(w.phoneId), buffer],
        ["HSET", k.phone(w.phoneId), "logVersion", String(w.logVersion)],
      ];
    }
    case "addExposures":
      return [
        ["SADD", k.phoneExposures(w.phoneId), ...w.indexIds],
        ...w.indexIds.map((id) => ["SADD", k.candidates(id), w.phoneId]),
      ];
    case "setRole":
      return [["HSET", k.phone(w.phoneId), "role", w.role]];
    case "count":
      return [["HINCRBY", k.stats, w.field, String(w.by)]];
    case "addNotification":
      return [["RPUSH", k.phoneNotes(w.phoneId), JSON.stringify(w.notification)]];
    case "addIndex": {
      const i = w.index;
      return [
        [
          "HSET",
          k.index(i.indexId),
          "indexId",
          i.indexId,
          "phoneId",
          i.phoneId,
          "role",
          i.role,
          "windowEnd",
          String(i.windowEnd),
          "createdAt",
          String(i.createdAt),
          ...(i.windowStart === null ? [] : ["windowStart", String(i.windowStart)]),
        ],
        ["RPUSH", k.indexes, i.indexId],
        ["RPUSH", k.phoneIndexes(i.phoneId), i.indexId],
      ];
    }
    case "updateIndex": {
      const fields = [
        ...(w.windowStart === undefined ? [] : ["windowStart", String(w.windowStart)]),
        ...(w.pushed === undefined
          ? []
          : ["pushSeq", String(w.pushed.seq), "pushSig", w.pushed.signature]),
      ];
      return [["HSET", k.index(w.indexId), ...fields]];
    }
    case "appendPush":
      return [
        ["SET", k.seq, String(w.push.seq)],
        ["ZADD", k.pushes, String(w.push.seq), JSON.stringify(w.push)],
        ["HINCRBY", k.stats, "pushes", "1"],
      ];
    case "dropUpload":
      return [["DEL", k.upload(w.uploadId), k.idem(w.phoneId, w.idempotencyKey)]];
    case "dropIndex":
      return [
        ...w.candidates.map((c) => ["SREM", k.phoneExposures(c), w.indexId]),
        ["DEL", k.index(w.indexId), k.candidates(w.indexId)],
        ["LREM", k.indexes, "0", w.indexId],
        ["LREM", k.phoneIndexes(w.phoneId), "0", w.indexId],
      ];
    case "dropKeys":
      return [["HDEL", k.phoneKeys(w.phoneId), ...w.days.map(String)]];
    case "keepNotifications":
      return [
        ["DEL", k.phoneNotes(w.phoneId)],
        ...(w.kept.length === 0
          ? []
          : [["RPUSH", k.phoneNotes(w.phoneId), ...w.kept.map((n) => JSON.stringify(n))]]),
      ];
  }
}
