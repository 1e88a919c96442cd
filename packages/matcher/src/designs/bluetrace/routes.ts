import { randomBytes } from "node:crypto";
import { bluetrace, parseMessage } from "@tracebed/protocol";
import { nodeTempIdCipher } from "@tracebed/protocol/node";
import type { FastifyInstance } from "fastify";
import { unixSeconds } from "../../clock.js";
import { haAuth } from "../../http/auth.js";
import { bodyHashOf } from "../../http/body-hash.js";
import { type HttpContext, limitPhone } from "../../http/context.js";
import { HttpError } from "../../http/errors.js";
import { newId } from "../../ids.js";
import type { BtFlow } from "./flow.js";
import type { BtIndex, BtStore } from "./store.js";

const DAY = 86_400;

/**
 * The BlueTrace routes (docs/PROTOCOLS.md): TempIDs for a phone, a notified F1's upload grant,
 * log uploads (an F0's with its code's upload token, an F1's with its grant), and the privacy
 * counts for the operator (the HA token).
 */
export function registerBlueTraceRoutes(
  app: FastifyInstance,
  ctx: HttpContext,
  store: BtStore,
  flow: BtFlow,
): void {
  const { options } = ctx;
  const onRequest = ctx.phones.hook();

  app.post(
    "/v1/bluetrace/tempids",
    { bodyLimit: options.bodyLimits.small, onRequest },
    async (req) => {
      const body = parseMessage(bluetrace.tempIdRequestSchema, req.body);
      ctx.phones.check(req, body.phoneId);
      const now = unixSeconds(options.clock);
      const from = body.from ?? now;
      // A replayed run needs TempIDs for days gone by, back to what the server keeps.
      const earliest = now - (options.params.windowDays + 1) * DAY;
      if (from < earliest || from > now + DAY) {
        throw new HttpError(
          400,
          "invalid_message",
          `from: must be within ${options.params.windowDays + 1} days before now and one day after`,
        );
      }
      const [key, uid] = await Promise.all([store.key(), store.uidOf(body.phoneId)]);
      const uidBytes = new Uint8Array(Buffer.from(uid, "base64"));
      const periods = bluetrace.batchPeriods(from, body.count);
      // One draw of random bytes for the batch's IVs: a call per TempID cost more than its AES.
      const ivs = new Uint8Array(randomBytes(periods.length * bluetrace.IV_BYTES));
      const tempIDs = await Promise.all(
        periods.map(async (p, i) => ({
          tempID: await bluetrace.sealTempId(
            nodeTempIdCipher,
            key,
            { uid: uidBytes, ...p },
            ivs.subarray(i * bluetrace.IV_BYTES, (i + 1) * bluetrace.IV_BYTES),
          ),
          ...p,
        })),
      );
      const res: bluetrace.TempIdBatch = {
        status: "SUCCESS",
        tempIDs,
        refreshTime: now + bluetrace.TEMPID_REFRESH_SECONDS,
      };
      return res;
    },
  );

  app.post(
    "/v1/bluetrace/upload-grant",
    { bodyLimit: options.bodyLimits.small, onRequest },
    async (req) => {
      const body = parseMessage(bluetrace.btUploadRequestSchema, req.body);
      ctx.phones.check(req, body.phoneId);
      const grant = await store.grantOf(body.phoneId);
      if (grant === null || unixSeconds(options.clock) >= grant.expiresAt) {
        throw new HttpError(404, "not_found", "phoneId: the health authority asked no log of it");
      }
      const res: bluetrace.BtUploadGrant = {
        uploadToken: grant.uploadToken,
        expiresAt: grant.expiresAt,
        indexId: grant.indexId,
      };
      return res;
    },
  );

  app.post(
    "/v1/bluetrace/uploads",
    { bodyLimit: options.bodyLimits.log, onRequest },
    async (req, reply) => {
      const body = parseMessage(bluetrace.btLogUploadSchema, req.body);
      ctx.phones.check(req, body.phoneId);
      limitPhone(ctx, body.phoneId);
      const now = unixSeconds(options.clock);
      await authorise(ctx, store, body, now);
      const { sightings, refused } = await flow.decrypt(body.phoneId, body.records);
      const ack: bluetrace.BtUploadAck = {
        uploadId: newId(),
        idempotencyKey: body.idempotencyKey,
        records: body.records.length,
        valid: sightings.length,
        refused,
        receivedAt: now,
        replayed: false,
      };
      const r = await store.putUpload({
        uploadId: ack.uploadId,
        phoneId: body.phoneId,
        idempotencyKey: body.idempotencyKey,
        bodyHash: bodyHashOf(req),
        ack,
        sightings,
      });
      if (r.status === "conflict") {
        throw new HttpError(
          409,
          "idempotency_conflict",
          "idempotencyKey: already used with another body",
        );
      }
      if (r.status === "stored") flow.afterUpload(body.phoneId);
      return reply.code(r.status === "stored" ? 201 : 200).send(r.ack);
    },
  );

  app.get("/v1/bluetrace/privacy", { onRequest: haAuth(options.haToken) }, async () =>
    store.privacy(),
  );
}

/** The upload token is an F0's (from its code) or an F1's grant; it makes the phone an index. */
async function authorise(
  ctx: HttpContext,
  store: BtStore,
  body: bluetrace.BtLogUpload,
  now: number,
): Promise<void> {
  const token = await ctx.store.getUploadToken(body.uploadToken);
  if (token !== null) {
    if (token.phoneId !== body.phoneId) {
      throw new HttpError(401, "unauthorized", "uploadToken: issued to another phone");
    }
    if (now >= token.expiresAt) throw new HttpError(401, "unauthorized", "uploadToken: expired");
    const index = await ctx.store.getIndex(token.indexId);
    if (index === null) throw new HttpError(401, "unauthorized", "uploadToken: no index person");
    const f0: BtIndex = {
      indexId: index.indexId,
      phoneId: body.phoneId,
      role: "F0",
      windowEnd: index.windowEnd,
      windowStart: null,
    };
    await store.addF0(f0);
    return;
  }
  const grant = await store.grant(body.uploadToken);
  if (grant === null) throw new HttpError(401, "unauthorized", "uploadToken: unknown upload token");
  if (grant.phoneId !== body.phoneId) {
    throw new HttpError(401, "unauthorized", "uploadToken: issued to another phone");
  }
  if (now >= grant.expiresAt) throw new HttpError(401, "unauthorized", "uploadToken: expired");
}
