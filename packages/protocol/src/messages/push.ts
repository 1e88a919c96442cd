import { z } from "zod";
import { opaqueIdSchema, unixDaySchema, unixSecondsSchema } from "./fields.js";
import { MAX_PUSHES_PER_FRAME, MAX_PUSHES_PER_PAGE } from "./limits.js";
import { checkDailyKeys } from "./scheme-checks.js";
import { schemeNameSchema } from "./schemes.js";
import { dailyKeysSchema } from "./uploads.js";

/** Index persons whose keys are pushed: confirmed cases, then notified contacts. */
export const indexRoleSchema = z.enum(["F0", "F1"]);
export type IndexRole = z.infer<typeof indexRoleSchema>;

/**
 * Server → every phone: an index person's daily keys. Phones regenerate the IDs and look for
 * them in their own logs, each ID only inside its own slot, and only inside the window that
 * ends at `windowEnd` (the F0's confirmation or the F1's notification) and, for an F1, starts
 * no earlier than `windowStart` (00:00 UTC of its exposure day: contacts before it do not
 * count). `seq` increases by push; it is the cursor of the catch-up call.
 */
export const keyPushSchema = z
  .strictObject({
    seq: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
    indexId: opaqueIdSchema,
    role: indexRoleSchema,
    scheme: schemeNameSchema,
    windowEnd: unixSecondsSchema,
    windowStart: unixSecondsSchema.optional(),
    keys: dailyKeysSchema,
    pushedAt: unixSecondsSchema,
  })
  .superRefine(checkDailyKeys);
export type KeyPush = z.infer<typeof keyPushSchema>;

/**
 * Server → every phone, one frame of the push channel: the pushes that became due since the
 * phone's previous frame, in seq order. Pushes that come while a fan-out is going out travel
 * together, so a phone pays one frame for many; dedupe by seq.
 */
export const keyPushFrameSchema = z.array(keyPushSchema).min(1).max(MAX_PUSHES_PER_FRAME);
export type KeyPushFrame = z.infer<typeof keyPushFrameSchema>;

/**
 * The query of `GET /v1/keys?since=N`: pushes with seq > N. Query values are strings;
 * absent means from the start (0). Not strict: other query parameters (cache busters) pass.
 */
export const keyCatchUpQuerySchema = z.object({
  since: z
    .string()
    .regex(/^(?:0|[1-9][0-9]{0,14})$/, "must be a non-negative integer")
    .transform(Number)
    .optional(),
});
export type KeyCatchUpQuery = z.infer<typeof keyCatchUpQuerySchema>;

/** Response of `GET /v1/keys?since=`: pushes in seq order; call again with `since: next`. */
export const keyCatchUpResponseSchema = z.strictObject({
  pushes: z.array(keyPushSchema).max(MAX_PUSHES_PER_PAGE),
  next: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  more: z.boolean(),
});
export type KeyCatchUpResponse = z.infer<typeof keyCatchUpResponseSchema>;

/**
 * Server → one phone: you are a contact (F1 of an F0, F2 of an F1) of index `indexId`, by the
 * decision rules: `closeSeconds` of close periods on `bestDay`; `exposureDay` is the first UTC
 * day on which the close seconds reached the minimum. An F1's own window starts at
 * `exposureDay` 00:00 UTC and ends at `notifiedAt`.
 */
export const notificationSchema = z.strictObject({
  notificationId: opaqueIdSchema,
  role: z.enum(["F1", "F2"]),
  indexId: opaqueIdSchema,
  bestDay: unixDaySchema,
  exposureDay: unixDaySchema,
  closeSeconds: z.int().min(0).max(86_400),
  notifiedAt: unixSecondsSchema,
});
export type Notification = z.infer<typeof notificationSchema>;
