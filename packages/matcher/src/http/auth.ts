import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { HttpError } from "./errors.js";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** An onRequest hook: `Authorization: Bearer <HA token>` or 401, before the body is read. */
export function haAuth(token: string) {
  const expected = digest(token);
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const header = req.headers.authorization;
    const challenge = { "www-authenticate": 'Bearer realm="tracebed HA"' };
    if (header === undefined) {
      throw new HttpError(
        401,
        "unauthorized",
        "Authorization: missing (Bearer <HA token>)",
        challenge,
      );
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (m === null) {
      throw new HttpError(
        401,
        "unauthorized",
        "Authorization: must be Bearer <HA token>",
        challenge,
      );
    }
    if (!timingSafeEqual(digest(m[1]!), expected)) {
      throw new HttpError(401, "unauthorized", "Authorization: wrong HA token", challenge);
    }
  };
}
