import type { LiveF0Confirmed, Stats } from "@tracebed/protocol";
import type { Logger } from "pino";
import type { DesignOpenApi } from "../designs/types.js";
import { buildHttp } from "../http/app.js";
import type { HttpContext } from "../http/context.js";
import { buildOpenApi } from "../http/openapi.js";
import type { PhoneCredentials } from "../http/phone-auth.js";
import type { Metrics } from "../metrics.js";
import type { Resolved } from "../options.js";
import { RateLimiter } from "../rate-limit.js";
import type { MatcherStore } from "../store/common/types.js";
import type { Flow } from "./flow.js";

export interface HttpDeps {
  readonly o: Resolved;
  readonly version: string;
  readonly store: MatcherStore;
  readonly flow: Flow;
  readonly credentials: PhoneCredentials;
  readonly metrics: Metrics;
  readonly stats: () => Promise<Stats>;
  /** The live feed's F0 event (the sockets exist only after the routes). */
  readonly f0Confirmed: (event: LiveF0Confirmed) => void;
  readonly logger: Logger;
  /** The served design's routes in the OpenAPI document (null: Bluezone's own). */
  readonly designOpenApi: DesignOpenApi | null;
}

/** The HTTP routes (fastify) on their context: the store, the flow, limits, stats. */
export function setUpHttp(d: HttpDeps) {
  const { o } = d;
  let openapi: unknown = null;
  const ctx: HttpContext = {
    shuttingDown: false,
    options: o,
    store: d.store,
    matching: d.flow.matching,
    phones: d.credentials,
    metrics: d.metrics,
    ipLimiter: o.rateLimits.ip === false ? null : new RateLimiter(o.rateLimits.ip),
    phoneLimiter: o.rateLimits.phone === false ? null : new RateLimiter(o.rateLimits.phone),
    stats: d.stats,
    f0Confirmed: d.f0Confirmed,
    openapi: () => {
      openapi ??= buildOpenApi(d.version, o.bodyLimits, d.designOpenApi);
      return openapi;
    },
  };
  return { ctx, ...buildHttp(ctx, d.logger) };
}
