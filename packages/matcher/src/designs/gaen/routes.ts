import { createHash } from "node:crypto";
import { GAEN_INTERVAL_SECONDS, parseMessage } from "@tracebed/protocol";
import { type GaenKeyUploadAck, gaenKeyUploadSchema } from "@tracebed/protocol/gaen";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { unixSeconds } from "../../clock.js";
import { type HttpContext, limitPhone } from "../../http/context.js";
import { HttpError } from "../../http/errors.js";
import { newId } from "../../ids.js";
import { expiredKeyEnd } from "./retention.js";
import type { GaenStore, KeyForBatch } from "./store.js";

/** A batch file's name in a URL: what exportName writes. */
const EXPORT_FILE = /^\d{1,12}-\d{1,12}-\d{5}\.zip$/;
/** Batch files never change once listed. */
const IMMUTABLE = "public, max-age=31536000, immutable";

const etagOf = (bytes: Uint8Array | string) =>
  `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;

/** 304 when the client holds this version, else the body with its ETag. */
function sendCached(
  req: FastifyRequest,
  reply: FastifyReply,
  body: Uint8Array | string,
  type: string,
  cacheControl: string,
) {
  const etag = etagOf(body);
  reply.header("etag", etag).header("cache-control", cacheControl);
  if (req.headers["if-none-match"] === etag) return reply.code(304).send();
  return reply
    .type(type)
    .send(typeof body === "string" ? body : Buffer.from(body.buffer, body.byteOffset, body.length));
}

export interface GaenRoutesContext {
  readonly http: HttpContext;
  readonly store: GaenStore;
  readonly publicKeyPem: string;
}

/**
 * The GAEN design's routes (docs/PROTOCOLS.md, "GAEN"): a confirmed case's phone uploads its
 * temporary exposure keys with its upload token; the exports are published as static,
 * cacheable files, listed by index.txt as exposure-notifications-server lists them.
 */
export function registerGaenRoutes(app: FastifyInstance, g: GaenRoutesContext): void {
  const { http: ctx, store } = g;
  const { options } = ctx;
  const period = options.gaen.exportPeriodSeconds;

  app.post(
    "/v1/exposure-keys",
    { bodyLimit: options.bodyLimits.small, onRequest: ctx.phones.hook() },
    async (req, reply) => {
      const body = parseMessage(gaenKeyUploadSchema, req.body);
      ctx.phones.check(req, body.phoneId);
      limitPhone(ctx, body.phoneId);
      const now = unixSeconds(options.clock);
      const token = await ctx.store.getUploadToken(body.uploadToken);
      if (token === null) throw new HttpError(401, "unauthorized", "uploadToken: unknown");
      if (token.phoneId !== body.phoneId) {
        throw new HttpError(401, "unauthorized", "uploadToken: issued to another phone");
      }
      if (now >= token.expiresAt) throw new HttpError(401, "unauthorized", "uploadToken: expired");

      const nowInterval = Math.floor(now / GAEN_INTERVAL_SECONDS);
      // The same bound retention deletes by: a key it would delete is not stored.
      const oldest = expiredKeyEnd(now, options.params.windowDays);
      const reportType = body.reportType === "confirmed" ? 1 : 4;
      const keys: KeyForBatch[] = [];
      const nowBatch = Math.floor(now / period);
      const refused: GaenKeyUploadAck["refused"] = [];
      body.keys.forEach((k, index) => {
        const end = k.rollingStartIntervalNumber + k.rollingPeriod;
        if (k.rollingStartIntervalNumber > nowInterval) refused.push({ index, reason: "future" });
        else if (end <= oldest) refused.push({ index, reason: "expired" });
        else {
          // A key still in use is embargoed until its rolling period has ended, as
          // exposure-notifications-server does (publish/model: still-valid keys' createdAt).
          const publishAt = Math.max(now, end * GAEN_INTERVAL_SECONDS);
          keys.push({
            key: k.key,
            rollingStartIntervalNumber: k.rollingStartIntervalNumber,
            rollingPeriod: k.rollingPeriod,
            reportType,
            batch: Math.floor(publishAt / period),
          });
        }
      });
      const uploadId = newId();
      // An upload whose every key is refused stores nothing, not even a record of itself.
      const r =
        keys.length === 0
          ? { accepted: 0, firstBatch: -1, lastBatch: -1 }
          : await store.addKeys(
              { uploadId, phoneId: body.phoneId, reportType: body.reportType, receivedAt: now },
              keys,
            );
      const embargoed = keys.filter((k) => k.batch > nowBatch).length;
      const ack: GaenKeyUploadAck = {
        uploadId,
        accepted: r.accepted,
        embargoed: Math.min(embargoed, r.accepted),
        refused,
        // Keys of ended days go to the earliest batch, embargoed ones to later batches.
        publishedBy:
          r.lastBatch < 0
            ? now
            : ((embargoed < keys.length ? r.firstBatch : r.lastBatch) + 1) * period,
      };
      return reply.code(201).send(ack);
    },
  );

  app.get("/v1/exports/index.txt", async (req, reply) => {
    const names = await store.exportNames();
    const index = names.map((n) => `v1/exports/${n}`).join("\n");
    const maxAge = Math.min(period, 300);
    return sendCached(req, reply, index, "text/plain; charset=utf-8", `public, max-age=${maxAge}`);
  });

  app.get("/v1/exports/public-key.pem", async (req, reply) =>
    sendCached(req, reply, g.publicKeyPem, "application/x-pem-file", "public, max-age=3600"),
  );

  app.get("/v1/exports/:file", async (req, reply) => {
    const { file } = req.params as { file: string };
    const zip = EXPORT_FILE.test(file) ? await store.getExport(file) : null;
    if (zip === null) throw new HttpError(404, "not_found", `file: no export ${file}`);
    return sendCached(req, reply, zip, "application/zip", IMMUTABLE);
  });
}
