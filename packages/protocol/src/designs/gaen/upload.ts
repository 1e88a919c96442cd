import { z } from "zod";
import { hexSchema, opaqueIdSchema, tokenSchema } from "../../messages/fields.js";

/** At most this many keys in one upload: 14 days back plus today, with room for a rotation. */
export const MAX_GAEN_KEYS_PER_UPLOAD = 30;

/** One temporary exposure key as a phone uploads it (exposure-notifications-server's fields). */
export const gaenKeySchema = z.strictObject({
  /** The TEK, 16 bytes as lowercase hex. */
  key: hexSchema(16).length(32).describe("The temporary exposure key, 16 bytes as lowercase hex"),
  /** First 10-minute interval (unix seconds / 600) the key was in use. */
  rollingStartIntervalNumber: z
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .describe("First 10-minute interval (unix seconds / 600) the key was in use"),
  /** Intervals it was in use: 1 … 144 (one day). */
  rollingPeriod: z.int().min(1).max(144).describe("Intervals it was in use: 1 … 144 (one day)"),
});
export type GaenKey = z.infer<typeof gaenKeySchema>;

/**
 * Phone → server: its temporary exposure keys, authorised by the upload token the health
 * authority's code gave it. `confirmed`: a confirmed case (F0); `recursive`: a notified contact
 * who chose to upload its own keys (export.proto's ReportType RECURSIVE), so its own contacts
 * (F2) learn they were exposed.
 */
export const gaenKeyUploadSchema = z.strictObject({
  phoneId: opaqueIdSchema.describe("The uploading phone (the phone of the credential)"),
  uploadToken: tokenSchema.describe("The upload token its redeemed F0 code gave it"),
  reportType: z
    .enum(["confirmed", "recursive"])
    .describe(
      "confirmed: a confirmed case; recursive: a notified contact uploading its own keys (export.proto RECURSIVE)",
    ),
  keys: z
    .array(gaenKeySchema)
    .min(1)
    .max(MAX_GAEN_KEYS_PER_UPLOAD)
    .describe("Its temporary exposure keys, one per day"),
});
export type GaenKeyUpload = z.infer<typeof gaenKeyUploadSchema>;

/** Server → phone: which keys were accepted, and from when each is published. */
export const gaenKeyUploadAckSchema = z.strictObject({
  uploadId: opaqueIdSchema.describe("The server's id of this upload"),
  /** Keys stored now (a key uploaded before is not stored twice). */
  accepted: z.int().min(0).describe("Keys stored now (a key uploaded before is not stored twice)"),
  embargoed: z
    .int()
    .min(0)
    .describe("Of those, keys still in use (today's): published only once their day has ended"),
  /** Keys refused: the index in `keys` and why. */
  refused: z
    .array(
      z.strictObject({
        index: z.int().min(0).describe("The key's index in the upload's keys"),
        reason: z
          .enum(["future", "expired"])
          .describe("future: starts after now; expired: ended before the window kept"),
      }),
    )
    .describe("Keys refused and why"),
  /**
   * Unix seconds by which the accepted keys not embargoed are in a published export (the end
   * of their batch); when all are embargoed, the end of the batch carrying them.
   */
  publishedBy: z
    .int()
    .min(0)
    .describe(
      "Unix seconds by which the accepted keys not embargoed are published (all embargoed: by which they are)",
    ),
});
export type GaenKeyUploadAck = z.infer<typeof gaenKeyUploadAckSchema>;
