import type { PhoneRegistration, ServerConfig } from "@tracebed/protocol";
import { F0_CODE_DIGITS } from "@tracebed/protocol";
import type { FastifyInstance } from "fastify";
import { unixSeconds } from "../../clock.js";
import { newId, newToken } from "../../ids.js";
import type { HttpContext } from "../context.js";
import { secretHash } from "../phone-auth.js";

/** A phone registers once and gets its id and secret; anyone may read the server's calibration. */
export function registerPhoneRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { store, options } = ctx;
  // No body needed: an empty JSON object, or nothing at all.
  app.post("/v1/phones", { bodyLimit: options.bodyLimits.small }, async (req, reply) => {
    const b = req.body;
    if (b !== undefined && b !== null && (typeof b !== "object" || Object.keys(b).length > 0)) {
      return reply.code(400).send({
        error: { code: "invalid_message", message: "(root): must be empty or {}" },
      });
    }
    const registration: PhoneRegistration = { phoneId: newId(), secret: newToken() };
    await store.registerPhone(
      registration.phoneId,
      secretHash(registration.secret),
      unixSeconds(options.clock),
    );
    ctx.metrics.phonesRegistered.inc();
    return reply.code(201).send(registration);
  });
  app.get("/v1/config", async () => {
    const config: ServerConfig = {
      design: options.design,
      decisionParams: options.params,
      f0Codes: { digits: F0_CODE_DIGITS, ttlSeconds: options.codeTtlSeconds },
    };
    return config;
  });
}
