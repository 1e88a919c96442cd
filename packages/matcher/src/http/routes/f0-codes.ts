import {
  type F0CodeResponse,
  type F0RedeemResponse,
  f0CodeRequestSchema,
  f0RedeemRequestSchema,
  parseMessage,
} from "@tracebed/protocol";
import type { FastifyInstance } from "fastify";
import { unixSeconds } from "../../clock.js";
import { newCode, newId, newToken } from "../../ids.js";
import type { RedeemFailure } from "../../store/common/types.js";
import { haAuth } from "../auth.js";
import { type HttpContext, limitPhone } from "../context.js";
import { HttpError } from "../errors.js";

/** The key of the breaker: refused redemptions from every address together. */
const GLOBAL_FAILURES = "global";

/** An HA may date a confirmation this far ahead of the server's clock (clock skew). */
const MAX_FUTURE_SKEW_SECONDS = 300;

/** HA issues a code; the F0's phone redeems it (docs/PROTOCOL.md steps 1–2). */
export function registerF0Routes(app: FastifyInstance, ctx: HttpContext): void {
  const { store, options } = ctx;

  app.post(
    "/v1/f0-codes",
    { bodyLimit: options.bodyLimits.small, onRequest: haAuth(options.haToken) },
    async (req, reply) => {
      const body = parseMessage(f0CodeRequestSchema, req.body);
      const now = unixSeconds(options.clock);
      const confirmedAt = body.confirmedAt ?? now;
      if (confirmedAt > now + MAX_FUTURE_SKEW_SECONDS) {
        throw new HttpError(400, "invalid_message", "confirmedAt: must not be in the future");
      }
      const expiresAt = now + (body.ttlSeconds ?? options.codeTtlSeconds);
      for (let attempt = 0; attempt < 50; attempt++) {
        const code = newCode();
        const stored = await store.insertCode({
          code,
          caseRef: body.caseRef,
          confirmedAt,
          expiresAt,
          issuedAt: now,
        });
        if (stored) {
          ctx.metrics.f0Codes.inc({ outcome: "issued" });
          const res: F0CodeResponse = { code, caseRef: body.caseRef, confirmedAt, expiresAt };
          return reply.code(201).send(res);
        }
      }
      throw new HttpError(503, "internal", "no free F0 code found, try again");
    },
  );

  const onRequest = ctx.phones.hook();
  app.post(
    "/v1/f0-codes/redeem",
    { bodyLimit: options.bodyLimits.small, onRequest },
    async (req) => {
      const body = parseMessage(f0RedeemRequestSchema, req.body);
      ctx.phones.check(req, body.phoneId);
      limitPhone(ctx, body.phoneId);
      const now = unixSeconds(options.clock);
      const limits = options.redeemLimits;
      // Refusals are counted per source address and for everyone; new phones reset neither.
      const address = `addr:${req.ip}`;
      const [fromAddress, fromEveryone] = await Promise.all([
        store.redeemFailures(address, now),
        store.redeemFailures(GLOBAL_FAILURES, now),
      ]);
      if (fromAddress >= limits.perAddress || fromEveryone >= limits.global) {
        ctx.metrics.f0Codes.inc({ outcome: "refused" });
        const which =
          fromAddress >= limits.perAddress
            ? `${limits.perAddress} refused redemptions from ${req.ip}`
            : `${limits.global} refused redemptions from everyone (F0 codes are paused)`;
        throw new HttpError(429, "too_many_attempts", `code: ${which}, try again later`, {
          "retry-after": String(limits.windowSeconds),
        });
      }
      const uploadToken = newToken();
      const r = await store.redeemCode({
        code: body.code,
        phoneId: body.phoneId,
        now,
        maxCodeFailures: limits.perCode,
        indexId: newId(),
        uploadToken,
        tokenExpiresAt: now + options.uploadTokenTtlSeconds,
      });
      if (!r.ok) {
        ctx.metrics.f0Codes.inc({ outcome: "refused" });
        await Promise.all([
          store.noteRedeemFailure(address, now, limits.windowSeconds),
          store.noteRedeemFailure(GLOBAL_FAILURES, now, limits.windowSeconds),
        ]);
        throw redeemError(r.reason, limits.perCode);
      }
      ctx.metrics.f0Codes.inc({ outcome: "redeemed" });
      ctx.f0Confirmed({ indexId: r.index.indexId, confirmedAt: r.index.windowEnd, at: now });
      const res: F0RedeemResponse = {
        indexId: r.index.indexId,
        role: "F0",
        windowEnd: r.index.windowEnd,
        uploadToken,
        expiresAt: r.tokenExpiresAt,
      };
      return res;
    },
  );
}

function redeemError(reason: RedeemFailure, perCode: number): HttpError {
  switch (reason) {
    case "unknown":
      return new HttpError(404, "code_invalid", "code: no such F0 code");
    case "expired":
      return new HttpError(410, "code_expired", "code: this F0 code has expired");
    case "used":
      return new HttpError(409, "code_used", "code: this F0 code was already redeemed");
    case "locked":
      return new HttpError(
        429,
        "too_many_attempts",
        `code: locked after ${perCode} refused attempts`,
      );
    case "already_confirmed":
      return new HttpError(
        409,
        "already_confirmed",
        "phoneId: this phone is already a confirmed case",
      );
  }
}
