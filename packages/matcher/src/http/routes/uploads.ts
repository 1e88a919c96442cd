import {
  type KeyUpload,
  keyUploadSchema,
  type LogUpload,
  logUploadSchema,
  opaqueIdSchema,
  parseMessage,
} from "@tracebed/protocol";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { unixSeconds } from "../../clock.js";
import { newId } from "../../ids.js";
import type { NewUpload } from "../../store/types.js";
import { bodyHashOf } from "../body-hash.js";
import { type HttpContext, limitPhone } from "../context.js";
import { HttpError } from "../errors.js";

/**
 * Phones upload their daily keys and their log (docs/PROTOCOL.md steps 2, 4). Each upload is
 * stored once per (phoneId, idempotencyKey) and acknowledged only once durable; the flow then
 * runs in the background.
 */
export function registerUploadRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { options } = ctx;
  app.post("/v1/uploads/keys", { bodyLimit: options.bodyLimits.keys }, async (req, reply) => {
    const body = parseMessage(keyUploadSchema, req.body);
    return upload(ctx, "keys", body, req, reply);
  });
  app.post("/v1/uploads/log", { bodyLimit: options.bodyLimits.log }, async (req, reply) => {
    const body = parseMessage(logUploadSchema, req.body);
    return upload(ctx, "log", body, req, reply);
  });
  app.get("/v1/uploads/:uploadId", async (req) => {
    const { uploadId } = req.params as { uploadId: string };
    const id = opaqueIdSchema.safeParse(uploadId);
    if (!id.success) throw new HttpError(400, "invalid_message", "uploadId: not an upload id");
    const ack = await ctx.store.getUpload(id.data);
    if (ack === null)
      throw new HttpError(404, "not_found", `uploadId: no durable upload ${uploadId}`);
    return ack;
  });
}

async function upload(
  ctx: HttpContext,
  kind: "keys" | "log",
  body: KeyUpload | LogUpload,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<unknown> {
  const { store, metrics } = ctx;
  limitPhone(ctx, body.phoneId);
  const now = unixSeconds(ctx.options.clock);
  try {
    await checkBasis(ctx, body, now);
  } catch (err) {
    metrics.uploads.inc({ kind, outcome: "refused" });
    throw err;
  }
  const u: NewUpload = {
    uploadId: newId(),
    kind,
    phoneId: body.phoneId,
    idempotencyKey: body.idempotencyKey,
    scheme: body.scheme,
    bodyHash: `${kind}:${bodyHashOf(req)}`,
    receivedAt: now,
    windowDays: ctx.options.params.windowDays,
    exposures: body.basis.kind === "exposure" ? [...new Set(body.basis.indexIds)] : [],
    ...(kind === "keys" ? { keys: (body as KeyUpload).keys } : { log: (body as LogUpload).log }),
  };
  const r = await store.putUpload(u);
  switch (r.status) {
    case "stored":
      metrics.uploads.inc({ kind, outcome: "stored" });
      ctx.matching.afterUpload(body.phoneId);
      return reply.code(201).send(r.ack);
    case "replayed":
      metrics.uploads.inc({ kind, outcome: "replayed" });
      return reply.code(200).send(r.ack);
    case "conflict":
      metrics.uploads.inc({ kind, outcome: "refused" });
      throw new HttpError(
        409,
        "idempotency_conflict",
        `idempotencyKey: already used by this phone for a different upload (${r.ack.uploadId})`,
      );
    case "scheme_mismatch":
      metrics.uploads.inc({ kind, outcome: "refused" });
      throw new HttpError(
        409,
        "scheme_mismatch",
        `scheme: this phone uploaded with ${r.scheme} before`,
      );
  }
}

/** An f0 basis needs this phone's live upload token; an exposure names known index persons. */
async function checkBasis(ctx: HttpContext, body: KeyUpload | LogUpload, now: number) {
  const basis = body.basis;
  if (basis.kind === "f0") {
    const token = await ctx.store.getUploadToken(basis.uploadToken);
    if (token === null) {
      throw new HttpError(401, "unauthorized", "basis.uploadToken: unknown upload token");
    }
    if (token.phoneId !== body.phoneId) {
      throw new HttpError(401, "unauthorized", "basis.uploadToken: issued to another phone");
    }
    if (now >= token.expiresAt) {
      throw new HttpError(401, "unauthorized", "basis.uploadToken: expired");
    }
    return;
  }
  const seen = new Set<string>();
  for (let i = 0; i < basis.indexIds.length; i++) {
    const id = basis.indexIds[i]!;
    if (seen.has(id)) continue;
    seen.add(id);
    if ((await ctx.store.getIndex(id)) === null) {
      throw new HttpError(400, "unknown_index", `basis.indexIds[${i}]: no such index person`);
    }
  }
}
