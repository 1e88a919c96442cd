import { z } from "zod";

/** Error codes the matcher uses; clients must accept others (any snake_case code). */
export const ERROR_CODES = [
  "invalid_message",
  "payload_too_large",
  "unauthorized",
  "not_found",
  "code_invalid",
  "code_expired",
  "code_used",
  "too_many_attempts",
  "idempotency_conflict",
  "rate_limited",
  "internal",
  "forbidden",
  "own_ids_not_derived",
  "store_unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every error response: `{"error": {"code", "message"}}`; the message is one line. */
export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,63}$/, "must be a snake_case code of at most 64 characters"),
    message: z
      .string()
      .min(1)
      .max(1_000)
      .regex(/^[^\r\n]*$/, "must be one line"),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}
