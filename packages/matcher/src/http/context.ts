import type { LiveF0Confirmed, Stats } from "@tracebed/protocol";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Matching } from "../flow/matching.js";
import type { Metrics } from "../metrics.js";
import type { Resolved } from "../options.js";
import type { RateLimiter } from "../rate-limit.js";
import type { MatcherStore } from "../store/common/types.js";
import { HttpError } from "./errors.js";
import type { PhoneCredentials } from "./phone-auth.js";

/** What the routes share. */
export interface HttpContext {
  /** Set when close() begins: every response then closes its connection. */
  shuttingDown: boolean;
  readonly options: Resolved;
  readonly store: MatcherStore;
  readonly matching: Matching;
  readonly phones: PhoneCredentials;
  readonly metrics: Metrics;
  readonly ipLimiter: RateLimiter | null;
  readonly phoneLimiter: RateLimiter | null;
  readonly stats: () => Promise<Stats>;
  readonly f0Confirmed: (event: LiveF0Confirmed) => void;
  readonly openapi: () => unknown;
}

/** 429 unless the phone's bucket has a token. */
export function limitPhone(ctx: HttpContext, phoneId: string): void {
  const wait = ctx.phoneLimiter?.take(phoneId) ?? 0;
  if (wait > 0) {
    ctx.metrics.rateLimited.inc({ scope: "phone" });
    throw new HttpError(
      429,
      "rate_limited",
      `phoneId: too many requests from this phone, retry in ${Math.ceil(wait)} s`,
      {
        "retry-after": String(Math.ceil(wait)),
      },
    );
  }
}

export type Handler = (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
