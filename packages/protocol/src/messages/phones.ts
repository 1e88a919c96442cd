import { z } from "zod";
import { decisionParamsSchema } from "../decide/params.js";
import { DESIGN_NAMES } from "../designs/names.js";
import { opaqueIdSchema, tokenSchema } from "./fields.js";

/**
 * Server → phone, answering `POST /v1/phones` (no body): the phone's id and its secret, issued
 * by the server. The secret is the phone's credential: `Authorization: Phone <secret>` on its
 * HTTP requests and `auth: { phoneId, secret }` on its Socket.IO connection. Key material
 * proves nothing (pushed keys are public), so the server hands out the secret.
 */
export const phoneRegistrationSchema = z.strictObject({
  phoneId: opaqueIdSchema,
  secret: tokenSchema,
});
export type PhoneRegistration = z.infer<typeof phoneRegistrationSchema>;

/** `GET /v1/config`: the decision parameters the server judges with (clients calibrate to them). */
export const serverConfigSchema = z.strictObject({
  /** Which design's flow the server runs (`tracebed serve --design`). */
  design: z.enum(DESIGN_NAMES).describe("The contact-tracing design this server runs"),
  decisionParams: decisionParamsSchema,
  /** F0 codes: digits and default lifetime, seconds. */
  f0Codes: z.strictObject({ digits: z.int().min(1), ttlSeconds: z.int().min(1) }),
});
export type ServerConfig = z.infer<typeof serverConfigSchema>;
