import type { bluetrace, DesignName, Notification } from "@tracebed/protocol";
import type { FastifyInstance } from "fastify";
import type { HttpContext } from "../http/context.js";
import type { DesignDoc } from "../http/openapi.js";
import type { RedisClient } from "../store/redis.js";

/** What a design's module is given when the matcher mounts it. */
export interface DesignMount {
  readonly app: FastifyInstance;
  readonly http: HttpContext;
  /** The matcher store's Redis connection and key prefix, or null on the memory store. */
  readonly redis: { readonly client: RedisClient; readonly prefix: string } | null;
  /** Tells a phone (and the live feed) it was notified, as the Bluezone flow does. */
  readonly notified: (phoneId: string, n: Notification, contactIndexId: string | null) => void;
  readonly onError: (err: unknown, what: string) => void;
}

export interface MountedDesign {
  /** Resolves when the design's background steps started so far are done. */
  idle(): Promise<void>;
  /** What an operator of its store can reconstruct, counted from the store. */
  privacy(): Promise<bluetrace.PrivacyCounts>;
  close(): Promise<void>;
}

/** A design beside today's Bluezone routes: its own routes, store and flow. */
export interface MatcherDesign {
  readonly name: DesignName;
  /** Its routes and bodies in the OpenAPI document. */
  readonly doc: DesignDoc;
  mount(m: DesignMount): Promise<MountedDesign>;
}
