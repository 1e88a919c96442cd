import { z } from "zod";
import {
  dbmSchema,
  idempotencyKeySchema,
  opaqueIdSchema,
  tokenSchema,
  unixSecondsSchema,
} from "../../messages/fields.js";
import { MAX_LOG_ENTRIES } from "../../messages/limits.js";
import { TEMPID_BATCH_SIZE, TEMPID_CHARS } from "./tempid.js";

/*
 * The BlueTrace design's HTTP bodies (`tracebed serve --design bluetrace`), shaped after
 * OpenTrace's cloud functions: getTempIDs' { status, tempIDs[{ tempID, startTime, expiryTime }],
 * refreshTime } and the StreetPassRecord { timestamp, msg, rssi, txPower } a phone logs.
 */

/** A TempID as it travels: OpenTrace's base64 (84 characters). */
export const tempIdSchema = z
  .string()
  .length(TEMPID_CHARS)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64");

/** A phone asks for its next batch of TempIDs. */
export const tempIdRequestSchema = z.strictObject({
  phoneId: opaqueIdSchema,
  /**
   * Unix seconds the batch starts at (default: now). The fleet replays days that have passed,
   * so the server accepts a start back to the retention window (see the route).
   */
  from: unixSecondsSchema.optional(),
  /** TempIDs wanted (default and most: TEMPID_BATCH_SIZE). */
  count: z.int().min(1).max(TEMPID_BATCH_SIZE).optional(),
});
export type TempIdRequest = z.infer<typeof tempIdRequestSchema>;

export const issuedTempIdSchema = z.strictObject({
  tempID: tempIdSchema,
  startTime: z.int(),
  expiryTime: z.int(),
});

export const tempIdBatchSchema = z.strictObject({
  status: z.literal("SUCCESS"),
  tempIDs: z.array(issuedTempIdSchema).min(1).max(TEMPID_BATCH_SIZE),
  /** Unix seconds: when the phone should fetch its next batch. */
  refreshTime: z.int(),
});
export type TempIdBatch = z.infer<typeof tempIdBatchSchema>;

/** One sighting as the phone logs it: OpenTrace's StreetPassRecord (the fields tracebed reads). */
export const streetPassRecordSchema = z.strictObject({
  timestamp: unixSecondsSchema,
  /** The TempID heard. */
  msg: tempIdSchema,
  rssi: dbmSchema,
  txPower: dbmSchema,
});
export type StreetPassRecord = z.infer<typeof streetPassRecordSchema>;

/** A phone uploads its log with an upload token (an F0's from its code, an F1's on request). */
export const btLogUploadSchema = z.strictObject({
  idempotencyKey: idempotencyKeySchema,
  phoneId: opaqueIdSchema,
  uploadToken: tokenSchema,
  records: z.array(streetPassRecordSchema).max(MAX_LOG_ENTRIES),
});
export type BtLogUpload = z.infer<typeof btLogUploadSchema>;

export const btUploadAckSchema = z.strictObject({
  uploadId: opaqueIdSchema,
  idempotencyKey: idempotencyKeySchema,
  /** Records in the upload. */
  records: z.int().min(0),
  /** Records whose TempID decrypted to another registered phone inside its validity. */
  valid: z.int().min(0),
  /** Records dropped, by OpenTrace's reason (and unknown_user: a uid no phone holds). */
  refused: z.strictObject({
    failed_decryption: z.int().min(0),
    expired_id: z.int().min(0),
    unknown_user: z.int().min(0),
  }),
  receivedAt: unixSecondsSchema,
  /** True when this is the acknowledgement of an earlier identical upload. */
  replayed: z.boolean(),
});
export type BtUploadAck = z.infer<typeof btUploadAckSchema>;

/** A notified F1 asks whether the health authority wants its log; the token if so. */
export const btUploadRequestSchema = z.strictObject({ phoneId: opaqueIdSchema });
export const btUploadGrantSchema = z.strictObject({
  uploadToken: tokenSchema,
  expiresAt: unixSecondsSchema,
  /** The index person the phone's log is asked for as (its F1 role). */
  indexId: opaqueIdSchema,
});
export type BtUploadGrant = z.infer<typeof btUploadGrantSchema>;

/** What an operator of the store can reconstruct (docs/PROTOCOLS.md, "What the server learns"). */
export const privacyCountsSchema = z.strictObject({
  /** Phones other than confirmed cases (F0) that appear in at least one stored contact. */
  nonIndexPhonesKnown: z.int().min(0),
  /** Distinct unordered phone pairs with at least one stored, decrypted sighting. */
  contactEdgesKnown: z.int().min(0),
});
export type PrivacyCounts = z.infer<typeof privacyCountsSchema>;
