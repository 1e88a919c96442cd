import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { Lru } from "../lru.js";
import type { MatcherStore } from "../store/common/types.js";
import { HttpError } from "./errors.js";

/** How a phone's secret is kept and looked up: its SHA-256, hex (a leaked store leaks no secret). */
export function secretHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

const CHALLENGE = { "www-authenticate": 'Phone realm="tracebed phones"' };

/**
 * Phones' credentials: `Authorization: Phone <secret>` on HTTP, `auth: { phoneId, secret }` on
 * Socket.IO. Known secrets are cached (a credential never changes), so a request costs one hash.
 */
export class PhoneCredentials {
  private readonly known = new Lru<string, string>(50_000);

  constructor(private readonly store: MatcherStore) {}

  /** The phone a secret belongs to, or null. */
  async phoneOf(secret: string): Promise<string | null> {
    const hash = secretHash(secret);
    const hit = this.known.get(hash);
    if (hit !== undefined) return hit;
    const phoneId = await this.store.phoneOfSecret(hash);
    if (phoneId !== null) this.known.set(hash, phoneId);
    return phoneId;
  }

  /**
   * An onRequest hook: a valid `Authorization: Phone <secret>` or 401, before the body is read;
   * the credential's phone is kept for `check`.
   */
  hook() {
    return async (req: FastifyRequest): Promise<void> => {
      const header = req.headers.authorization;
      if (header === undefined) {
        throw new HttpError(
          401,
          "unauthorized",
          "Authorization: missing (Phone <secret> from POST /v1/phones)",
          CHALLENGE,
        );
      }
      const m = /^Phone\s+(\S+)\s*$/i.exec(header);
      if (m === null) {
        throw new HttpError(
          401,
          "unauthorized",
          "Authorization: must be Phone <secret>",
          CHALLENGE,
        );
      }
      const owner = await this.phoneOf(m[1]!);
      if (owner === null) {
        throw new HttpError(401, "unauthorized", "Authorization: unknown phone secret", CHALLENGE);
      }
      authenticated.set(req, owner);
    };
  }

  /** 403 if the request names another phone than its credential's (after `hook`). */
  check(req: FastifyRequest, phoneId: string): void {
    const owner = authenticated.get(req);
    if (owner === undefined) {
      throw new HttpError(401, "unauthorized", "Authorization: missing", CHALLENGE);
    }
    if (owner !== phoneId) {
      throw new HttpError(403, "forbidden", "phoneId: not the phone of this credential");
    }
  }
}

/** Request → the phone its credential belongs to. */
const authenticated = new WeakMap<FastifyRequest, string>();
