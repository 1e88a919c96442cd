import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { HttpError } from "./errors.js";
import type { PhoneCredentials } from "./phone-auth.js";

const digest = (s: string) => createHash("sha256").update(s).digest();
const CHALLENGE = { "www-authenticate": 'Bearer realm="tracebed HA"' };

/**
 * An onRequest hook for the operator scope (docs/SECURITY.md): `Authorization: Bearer <HA
 * token>`. A credential the server knows that opens another scope — the viewer token, a phone's
 * secret — is 403 `forbidden`; a missing, malformed or unknown one is 401 `unauthorized`.
 */
export function operatorAuth(o: {
  haToken: string;
  viewerToken: string | null;
  phones: PhoneCredentials;
}) {
  const operator = digest(o.haToken);
  const viewer = o.viewerToken === null ? null : digest(o.viewerToken);
  const unauthorized = (why: string) => new HttpError(401, "unauthorized", why, CHALLENGE);
  return async (req: FastifyRequest): Promise<void> => {
    const header = req.headers.authorization;
    if (header === undefined) throw unauthorized("Authorization: missing (Bearer <HA token>)");
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (bearer !== null) {
      const given = digest(bearer[1]!);
      if (timingSafeEqual(given, operator)) return;
      if (viewer !== null && timingSafeEqual(given, viewer)) {
        throw new HttpError(
          403,
          "forbidden",
          "Authorization: the viewer token opens the viewer scope only",
        );
      }
      throw unauthorized("Authorization: wrong HA token");
    }
    const phone = /^Phone\s+(\S+)\s*$/i.exec(header);
    if (phone !== null && (await o.phones.phoneOf(phone[1]!)) !== null) {
      throw new HttpError(
        403,
        "forbidden",
        "Authorization: a phone's credential opens its own routes only",
      );
    }
    throw unauthorized("Authorization: must be Bearer <HA token>");
  };
}
