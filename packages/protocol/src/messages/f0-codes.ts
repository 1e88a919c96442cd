import { z } from "zod";
import { opaqueIdSchema, tokenSchema, unixSecondsSchema } from "./fields.js";
import { F0_CODE_DIGITS, MAX_CODE_TTL_SECONDS, MIN_CODE_TTL_SECONDS } from "./limits.js";

/**
 * Ten digits, leading zeros kept: what an official reads out to a confirmed case. The space
 * (10^10) and short lives make guessing hopeless at the matcher's limits (docs/SECURITY.md).
 */
export const f0CodeSchema = z
  .string()
  .regex(new RegExp(`^[0-9]{${F0_CODE_DIGITS}}$`), `must be exactly ${F0_CODE_DIGITS} digits`);

/**
 * HA → server: issue a single-use code for a confirmed case (F0). The HA token travels in the
 * Authorization header. No phone number or name: the HA hands the code to the person itself,
 * so the server never learns who the case is; `caseRef` is the HA's own file reference.
 */
export const f0CodeRequestSchema = z.strictObject({
  caseRef: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._:/-]*$/, "must use only A-Z, a-z, 0-9 and . _ : / -"),
  /** When the case was confirmed: the F0's window ends here. Absent: when the code is issued. */
  confirmedAt: unixSecondsSchema.optional(),
  /** How long the code stays redeemable; absent: the server's default. */
  ttlSeconds: z.int().min(MIN_CODE_TTL_SECONDS).max(MAX_CODE_TTL_SECONDS).optional(),
});
export type F0CodeRequest = z.infer<typeof f0CodeRequestSchema>;

/** Server → HA: the code, and until when it can be redeemed (once). */
export const f0CodeResponseSchema = z.strictObject({
  code: f0CodeSchema,
  caseRef: f0CodeRequestSchema.shape.caseRef,
  confirmedAt: unixSecondsSchema,
  expiresAt: unixSecondsSchema,
});
export type F0CodeResponse = z.infer<typeof f0CodeResponseSchema>;

/**
 * F0's phone → server: redeem the code, with the phone's credential (`Authorization: Phone
 * <secret>`; `phoneId` must be the credential's). Refused attempts are limited per source
 * address, globally and per code.
 */
export const f0RedeemRequestSchema = z.strictObject({
  code: f0CodeSchema,
  phoneId: opaqueIdSchema,
});
export type F0RedeemRequest = z.infer<typeof f0RedeemRequestSchema>;

/**
 * Server → F0's phone: the phone is now index person `indexId`; `uploadToken` authorises its
 * key and log uploads (basis `f0`) until `expiresAt`.
 */
export const f0RedeemResponseSchema = z.strictObject({
  indexId: opaqueIdSchema,
  role: z.literal("F0"),
  windowEnd: unixSecondsSchema,
  uploadToken: tokenSchema,
  expiresAt: unixSecondsSchema,
});
export type F0RedeemResponse = z.infer<typeof f0RedeemResponseSchema>;
