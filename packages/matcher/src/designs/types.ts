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

/**
 * What an operator of a design's store can learn, counted from the records it holds, never
 * from the simulation (docs/PROTOCOLS.md, "What the server learns").
 */
export interface PrivacyCounts {
  /**
   * Phones other than a confirmed F0 that the operator can tie to at least one contact:
   * registration alone does not count; uploading keys, a log or an exposure does.
   */
  readonly nonIndexPhonesKnown: number;
  /** Distinct pairs of phones the operator can tie together (an undirected contact edge). */
  readonly contactEdgesKnown: number;
}

/** Crypto each phone of the design did to learn whether it was exposed: every phone, alike. */
export interface PhoneCrypto {
  /** Operations per phone. */
  readonly perPhone: number;
  /** What one operation is (and any other work counted beside it). */
  readonly operation: string;
}

/**
 * A design's server side, mounted by createMatcher: every design has one (Bluezone's over the
 * matcher's own store). `GET /v1/operator/counts` answers from it.
 */
export interface DesignServer {
  /** What an operator of the design's store can learn, counted from what it holds. */
  privacy(): Promise<PrivacyCounts>;
  /** Counted from what the server sent or published: each phone receives all of it. */
  phoneCrypto(): Promise<PhoneCrypto>;
  /**
   * Bytes of the design's records as its store serialises them (docs/PROTOCOLS.md, "Compare");
   * null: the store cannot say (e.g. Bluezone on Redis).
   */
  storageBytes(): Promise<number | null>;
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
  /** Registers the design's routes on app (not listening yet) and returns its server side. */
  mount(m: DesignMount): Promise<DesignServer>;
}
