import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";

const hashes = new WeakMap<FastifyRequest, string>();

/**
 * fastify's own JSON parser (same proto-poisoning rules), also keeping the SHA-256 of the
 * body's bytes as received: what an upload's idempotency compares, without serialising the
 * parsed body again. A retry sends the same bytes; a body re-serialised differently (key
 * order, spacing) counts as another body, which errs on the side of refusing.
 */
export function hashJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (req, body, done) => {
    hashes.set(req, createHash("sha256").update(body).digest("hex"));
    parse(req, body as unknown as string, done); // typed for strings, takes Buffers too
  });
}

/** The hex SHA-256 of the request's JSON body bytes. */
export function bodyHashOf(req: FastifyRequest): string {
  const hash = hashes.get(req);
  if (hash === undefined) throw new Error("no body hash: hashJsonBodies is not installed");
  return hash;
}
