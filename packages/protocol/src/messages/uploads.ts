import { z } from "zod";
import {
  dbmSchema,
  hexSchema,
  idempotencyKeySchema,
  opaqueIdSchema,
  tokenSchema,
  unixDaySchema,
  unixSecondsSchema,
} from "./fields.js";
import {
  MAX_DAILY_KEYS,
  MAX_ID_BYTES,
  MAX_KEY_BYTES,
  MAX_LOG_ENTRIES,
  MAX_MATCHED_INDEXES,
} from "./limits.js";
import { checkDailyKeys, checkLogIds } from "./scheme-checks.js";
import { schemeNameSchema } from "./schemes.js";

/** One daily key with the UTC day it was used on. */
export const dailyKeySchema = z.strictObject({
  unixDay: unixDaySchema,
  key: hexSchema(MAX_KEY_BYTES),
});
export type DailyKey = z.infer<typeof dailyKeySchema>;

/** 1–14 daily keys (distinct days within 14 consecutive days; lengths checked per scheme). */
export const dailyKeysSchema = z.array(dailyKeySchema).min(1).max(MAX_DAILY_KEYS);

/**
 * One sighting, Bluezone's log format: the phone's own ID at the time, the ID it heard, RSSI and
 * the advertised tx power (dBm), and when (unix seconds). No duration: each entry stands for
 * one scan period.
 */
export const logEntrySchema = z.strictObject({
  ownId: hexSchema(MAX_ID_BYTES),
  contactId: hexSchema(MAX_ID_BYTES),
  rssi: dbmSchema,
  txPower: dbmSchema,
  timestamp: unixSecondsSchema,
});
export type LogEntry = z.infer<typeof logEntrySchema>;

/**
 * Why a phone uploads: it is a confirmed case (`f0`, with the token from redeeming its code), or
 * it found IDs of these pushed index persons in its own log (`exposure`).
 */
export const uploadBasisSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("f0"), uploadToken: tokenSchema }),
  z.strictObject({
    kind: z.literal("exposure"),
    indexIds: z.array(opaqueIdSchema).min(1).max(MAX_MATCHED_INDEXES),
  }),
]);
export type UploadBasis = z.infer<typeof uploadBasisSchema>;

/**
 * Fields every upload carries. The server stores an upload once per (phoneId, idempotencyKey):
 * a retry with the same key and body gets the original acknowledgement back (`replayed: true`);
 * the same key with a different body is refused.
 */
const uploadFields = {
  idempotencyKey: idempotencyKeySchema,
  phoneId: opaqueIdSchema,
  scheme: schemeNameSchema,
  basis: uploadBasisSchema,
};

/** Phone → server: its daily keys over the 14-day window. */
export const keyUploadSchema = z
  .strictObject({ ...uploadFields, keys: dailyKeysSchema })
  .superRefine(checkDailyKeys);
export type KeyUpload = z.infer<typeof keyUploadSchema>;

/** Phone → server: its log (at most MAX_LOG_ENTRIES entries; may be empty). */
export const logUploadSchema = z
  .strictObject({ ...uploadFields, log: z.array(logEntrySchema).max(MAX_LOG_ENTRIES) })
  .superRefine(checkLogIds);
export type LogUpload = z.infer<typeof logUploadSchema>;

/**
 * Server → phone, sent only once the upload is durable; also the body of
 * `GET /v1/uploads/{uploadId}`. `uploadId` is the server's; `idempotencyKey` is the client's.
 */
/**
 * A daily key of a keys upload that was not stored: `after_window_end` (an F0's key of a day
 * after its window's end), `expired` (a day older than the window kept, today − windowDays),
 * `future` (a day after the server's today).
 */
export const refusedKeySchema = z.strictObject({
  unixDay: unixDaySchema,
  reason: z.enum(["after_window_end", "expired", "future"]),
});
export type RefusedKey = z.infer<typeof refusedKeySchema>;

export const uploadAckSchema = z.strictObject({
  uploadId: opaqueIdSchema,
  idempotencyKey: idempotencyKeySchema,
  phoneId: opaqueIdSchema,
  kind: z.enum(["keys", "log"]),
  /** Keys or log entries stored (refused keys not counted). */
  count: z.int().min(0).max(MAX_LOG_ENTRIES),
  /** Keys uploads: the keys not stored, and why; absent for logs. */
  refused: z.array(refusedKeySchema).max(MAX_DAILY_KEYS).optional(),
  receivedAt: unixSecondsSchema,
  /** True when this acknowledges an earlier upload with the same idempotency key. */
  replayed: z.boolean(),
});
export type UploadAck = z.infer<typeof uploadAckSchema>;
