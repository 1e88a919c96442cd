import type { Notification } from "@tracebed/protocol";
import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import type { HttpContext } from "../http/context.js";
import type { RouteDoc } from "../http/openapi.js";

/** What a design adds to the OpenAPI document, and which of Bluezone's routes it leaves out. */
export interface DesignOpenApi {
  readonly routes: readonly RouteDoc[];
  readonly components: Readonly<Record<string, readonly [z.ZodType, "input" | "output"]>>;
  /** operationIds of the shared document this design does not serve. */
  readonly omit: readonly string[];
  /** One paragraph: the design's flow. */
  readonly description: string;
}

/** A design's server side, mounted by createMatcher. */
export interface DesignServer {
  /** What an operator of the design's store can learn, counted from what it holds. */
  privacy(): Promise<{ nonIndexPhonesKnown: number; contactEdgesKnown: number }>;
  storageBytes(): Promise<number>;
  /** What each phone computed for matching in the run, counted from the store, and what that is. */
  phoneCrypto?(): Promise<{ perPhone: number; operation: string }>;
  /** Resolves when background work due now is done (tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** What a design's module is given when the matcher mounts it (before it listens). */
export interface DesignMount {
  readonly app: FastifyInstance;
  readonly http: HttpContext;
  /** Tells a phone (and the live feed) it was notified, as the Bluezone flow does. */
  readonly notified: (phoneId: string, n: Notification, contactIndexId: string | null) => void;
  readonly onError: (err: unknown, what: string) => void;
}

export interface DesignModule {
  readonly openapi: DesignOpenApi | null;
  /** Registers the design's routes on app; null: nothing of its own (Bluezone). */
  mount(m: DesignMount): Promise<DesignServer | null>;
}
