import { MessageError } from "@tracebed/protocol";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { StoreUnavailableError } from "../store/common/errors.js";
import { hashJsonBodies } from "./body-hash.js";
import type { HttpContext } from "./context.js";
import { body, HttpError } from "./errors.js";
import { registerF0Routes } from "./routes/f0-codes.js";
import { registerKeyRoutes } from "./routes/keys.js";
import { registerOpsRoutes } from "./routes/ops.js";
import { registerPhoneRoutes } from "./routes/phones.js";
import { registerUploadRoutes } from "./routes/uploads.js";

/** Fastify's own refusals of a body, worded for our error messages. */
const CLIENT_ERRORS: Record<string, string> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: "empty body with Content-Type application/json",
  FST_ERR_CTP_INVALID_JSON_BODY: "malformed JSON",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "body size does not match Content-Length",
};

/** Routes left out of the per-IP rate limit, so monitoring never gets 429. */
const UNLIMITED = new Set(["/healthz", "/metrics"]);

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
}

/** The HTTP side: fastify with JSON errors, rate limits, metrics and every route. */
export function buildHttp(
  ctx: HttpContext,
  logger: Logger,
): { app: FastifyInstance; routes: readonly RegisteredRoute[] } {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: ctx.options.bodyLimits.small,
    // Slow clients may not hold a request open for ever.
    requestTimeout: 120_000,
    return503OnClosing: true,
  }) as unknown as FastifyInstance;
  ctx.metrics.bytesOut.attach(app.server);
  // JSON only: a text/plain body is 415, not a string the schemas then refuse.
  app.removeContentTypeParser("text/plain");
  hashJsonBodies(app);
  const routes: RegisteredRoute[] = [];
  app.addHook("onRoute", (r) => {
    for (const method of [r.method].flat()) {
      if (method !== "HEAD") routes.push({ method, url: r.url });
    }
  });

  app.addHook("onRequest", async (req, reply) => {
    reply.header("access-control-allow-origin", "*");
    if (ctx.ipLimiter === null || UNLIMITED.has(req.url)) return;
    const wait = ctx.ipLimiter.take(req.ip);
    if (wait > 0) {
      ctx.metrics.rateLimited.inc({ scope: "ip" });
      throw new HttpError(
        429,
        "rate_limited",
        `too many requests from ${req.ip}, retry in ${Math.ceil(wait)} s`,
        {
          "retry-after": String(Math.ceil(wait)),
        },
      );
    }
  });

  app.addHook("onSend", async (_req, reply) => {
    if (ctx.shuttingDown) reply.header("connection", "close");
  });

  app.addHook("onResponse", async (req, reply) => {
    ctx.metrics.httpDuration.observe(
      {
        method: req.method,
        route: req.routeOptions.url ?? "unmatched",
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  app.setErrorHandler(async (error, req, reply) => {
    // A refusal before the body was read: close the connection rather than read the rest.
    if (!req.raw.complete) reply.header("connection", "close");
    if (error instanceof HttpError) {
      reply.headers(error.headers);
      return reply.code(error.status).send(body(error.code, error.message));
    }
    if (error instanceof StoreUnavailableError) {
      reply.header("retry-after", "1");
      return reply
        .code(503)
        .send(body("store_unavailable", `${error.message}: nothing was stored`));
    }
    if (error instanceof MessageError) {
      return reply.code(400).send(body("invalid_message", error.message));
    }
    const e = error as FastifyError;
    const status = e.statusCode ?? 500;
    if (status === 413) {
      const limit = req.routeOptions.bodyLimit ?? ctx.options.bodyLimits.small;
      return reply
        .code(413)
        .send(body("payload_too_large", `(root): body larger than ${limit} bytes`));
    }
    if (status === 415) {
      return reply
        .code(415)
        .send(
          body(
            "unsupported_media_type",
            `Content-Type: must be application/json, got ${req.headers["content-type"] ?? "none"}`,
          ),
        );
    }
    if (status >= 400 && status < 500) {
      const what = CLIENT_ERRORS[e.code] ?? e.message;
      return reply.code(status).send(body("invalid_message", `(root): ${what}`));
    }
    req.log.error({ err: error }, "request failed");
    return reply.code(500).send(body("internal", `internal error: ${e.message ?? "unknown"}`));
  });

  app.setNotFoundHandler(async (req, reply) =>
    reply.code(404).send(body("not_found", `no route ${req.method} ${req.url.split("?")[0]}`)),
  );

  registerPhoneRoutes(app, ctx);
  registerF0Routes(app, ctx);
  // Uploads of keys and logs and the key catch-up are Bluezone's flow; other designs mount theirs.
  if (ctx.options.design === "bluezone") {
    registerUploadRoutes(app, ctx);
    registerKeyRoutes(app, ctx);
  }
  registerOpsRoutes(app, ctx);
  return { app, routes };
}
