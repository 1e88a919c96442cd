import {
  type DailyKey,
  type KeyUpload,
  keyUploadSchema,
  type LogUpload,
  logUploadSchema,
  opaqueIdSchema,
  parseMessage,
  type RefusedKey,
  SECONDS_PER_DAY,
} from "@tracebed/protocol";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { unixSeconds } from "../../clock.js";
import { firstForeignOwnId } from "../../flow/own-ids.js";
import { newId } from "../../ids.js";
import type { NewUpload } from "../../store/common/types.js";
import { haAuth } from "../auth.js";
import { bodyHashOf } from "../body-hash.js";
import { type HttpContext, limitPhone } from "../context.js";
import { HttpError } from "../errors.js";

/**
 * Phones upload their daily keys and their log (docs/PROTOCOL.md steps 2, 4), with their
 * credential. Each upload is
 * stored once per (phoneId, idempotencyKey) and acknowledged only once durable; the flow then
 * runs in the background.
 */
export function registerUploadRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { options } = ctx;
  const onRequest = ctx.phones.hook();
  app.post(
    "/v1/uploads/keys",
    { bodyLimit: options.bodyLimits.keys, onRequest },
    async (req, reply) => {
      const body = parseMessage(keyUploadSchema, req.body);
      return upload(ctx, "keys", body, req, reply);
    },
  );
  app.post(
    "/v1/uploads/log",
    { bodyLimit: options.bodyLimits.log, onRequest },
    async (req, reply) => {
      const body = parseMessage(logUploadSchema, req.body);
      return upload(ctx, "log", body, req, reply);
    },
  );
  // The phone that uploaded it, or the operator (the HA token: durability checks after a crash).
  const operator = haAuth(options.haToken);
  const operators = new WeakSet<FastifyRequest>();
  const phoneOrOperator = async (req: FastifyRequest, reply: FastifyReply) => {
    if (/^Bearer\s/i.test(req.headers.authorization ?? "")) {
      await operator(req, reply);
      operators.add(req);
      return;
    }
    await onRequest(req);
  };
  app.get("/v1/uploads/:uploadId", { onRequest: phoneOrOperator }, async (req) => {
    const { uploadId } = req.params as { uploadId: string };
    const id = opaqueIdSchema.safeParse(uploadId);
    if (!id.success) throw new HttpError(400, "invalid_message", "uploadId: not an upload id");
    const ack = await ctx.store.getUpload(id.data);
    if (ack === null) throw notFound(uploadId);
    if (operators.has(req)) return ack;
    // Another phone's upload is as unknown as a missing one.
    try {
      ctx.phones.check(req, ack.phoneId);
    } catch {
      throw notFound(uploadId);
    }
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
  ctx.phones.check(req, body.phoneId);
  limitPhone(ctx, body.phoneId);
  const now = unixSeconds(ctx.options.clock);
  let keys: { stored: DailyKey[]; refused: RefusedKey[] } | null = null;
  try {
    const windowEnd = await checkBasis(ctx, body, now);
    if (kind === "keys") {
      keys = sortKeys((body as KeyUpload).keys, now, windowEnd, ctx.options.params.windowDays);
    } else {
      await checkOwnIds(ctx, body as LogUpload);
    }
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
    ...(keys !== null
      ? { keys: keys.stored, refused: keys.refused }
      : { log: (body as LogUpload).log }),
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

/**
 * An f0 basis needs this phone's live upload token (returns its F0's window end); an exposure
 * names known index persons (returns null).
 */
async function checkBasis(
  ctx: HttpContext,
  body: KeyUpload | LogUpload,
  now: number,
): Promise<number | null> {
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
    return (await ctx.store.getIndex(token.indexId))?.windowEnd ?? null;
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
  return null;
}

/**
 * The keys stored and those refused: a day after the server's today (`future`), older than the
 * window kept (`expired`), or, for an F0, after its window's end (`after_window_end`).
 */
export function sortKeys(
  keys: readonly DailyKey[],
  now: number,
  windowEnd: number | null,
  windowDays: number,
): { stored: DailyKey[]; refused: RefusedKey[] } {
  const today = Math.floor(now / SECONDS_PER_DAY);
  const lastOfWindow = windowEnd === null ? null : Math.floor((windowEnd - 1) / SECONDS_PER_DAY);
  const stored: DailyKey[] = [];
  const refused: RefusedKey[] = [];
  for (const k of keys) {
    const reason: RefusedKey["reason"] | null =
      k.unixDay > today
        ? "future"
        : k.unixDay < today - windowDays
          ? "expired"
          : lastOfWindow !== null && k.unixDay > lastOfWindow
            ? "after_window_end"
            : null;
    if (reason === null) stored.push(k);
    else refused.push({ unixDay: k.unixDay, reason });
  }
  return { stored, refused };
}

/**
 * A log's own IDs must be the phone's: each derived from a key it uploaded, in the slot of the
 * sighting's time. Otherwise anyone could upload a log in another phone's name.
 */
async function checkOwnIds(ctx: HttpContext, body: LogUpload): Promise<void> {
  if (body.log.length === 0) return;
  const phone = await ctx.store.getPhone(body.phoneId);
  if (phone === null || phone.keys.length === 0) {
    throw new HttpError(
      422,
      "own_ids_not_derived",
      "log: upload this phone's keys first (a log's own IDs must derive from them)",
    );
  }
  if (phone.scheme !== null && phone.scheme !== body.scheme) return; // refused as scheme_mismatch
  const i = firstForeignOwnId(ctx.matching.ownIds({ ...phone, scheme: body.scheme }), body.log);
  if (i >= 0) {
    throw new HttpError(
      422,
      "own_ids_not_derived",
      `log[${i}].ownId: not derived from this phone's uploaded keys for the sighting's time`,
    );
  }
}

function notFound(uploadId: string): HttpError {
  return new HttpError(404, "not_found", `uploadId: no durable upload ${uploadId} of this phone`);
}
