import { DEFAULT_DECISION_PARAMS, type DecisionParams, type DesignName } from "@tracebed/protocol";
import type { Clock } from "./clock.js";
import { type GaenOptions, resolveGaenOptions } from "./designs/gaen/options.js";
import type { BucketSpec } from "./rate-limit.js";
import type { MatcherStore } from "./store/common/types.js";
import { DEFAULT_COMPACT_AFTER_BYTES } from "./store/memory/memory.js";
import type { StoreSpec } from "./store/open.js";

/** The development HA token, used (with a warning) when none is configured. Never in production. */
export const DEV_HA_TOKEN = "tracebed-dev-ha-token";

export interface BodyLimits {
  /** HA and redeem requests, bytes. */
  readonly small: number;
  /** Key uploads, bytes. */
  readonly keys: number;
  /** Log uploads, bytes: 16 MiB holds MAX_LOG_ENTRIES (100,000) Bluezone entries. */
  readonly log: number;
}

export interface RateLimits {
  /** Every HTTP request, per client IP. */
  readonly ip: BucketSpec | false;
  /** Uploads and redemptions, per phoneId. */
  readonly phone: BucketSpec | false;
  /** Events a phone or viewer sends, per Socket.IO connection. */
  readonly socket: BucketSpec | false;
}

/**
 * Limits on F0-code guessing. Only refused redemptions count, so honest phones behind one
 * address (carrier NAT, a loopback load run) are never held up by their own successes.
 */
export interface RedeemLimits {
  /** Refused redemptions one source address may make per window before it gets 429. */
  readonly perAddress: number;
  /** Refused redemptions from everyone per window before every redemption gets 429 (breaker). */
  readonly global: number;
  readonly windowSeconds: number;
  /** Refused attempts naming one code (a replay, a late try) after which it is locked. */
  readonly perCode: number;
}

export interface MatcherOptions {
  /** `memory` (default), a `redis://…` URL, or a store instance (the matcher then does not close it). */
  readonly store?: StoreSpec | MatcherStore;
  /** Memory store's directory (default `.tracebed/data`): snapshot and journals; null: none. */
  readonly dataDir?: string | null;
  /**
   * Memory store: compact (snapshot + new journal) once the journal since the last snapshot
   * passes max(this, the snapshot's size), bytes; default 64 MiB; 0: never.
   */
  readonly compactAfterBytes?: number;
  /** Redis store: key prefix (default `tracebed:`); the Socket.IO adapter's channels use it too. */
  readonly redisPrefix?: string;
  /**
   * Bearer token of the health authority; see resolveHaToken for the default. It is also the
   * live feed's operator credential (the full F0 → F1 → F2 ties).
   */
  readonly haToken?: string;
  /**
   * The live feed's viewer credential (counts and anonymised events: safe to hand to a
   * browser); none: the viewer scope is off.
   */
  readonly viewerToken?: string;
  readonly decisionParams?: DecisionParams;
  /** Lifetime of an F0 code when the HA does not say (default one hour). */
  readonly codeTtlSeconds?: number;
  /** Lifetime of an F0's upload token (default one day). */
  readonly uploadTokenTtlSeconds?: number;
  readonly bodyLimits?: Partial<BodyLimits>;
  readonly rateLimits?: Partial<RateLimits>;
  readonly redeemLimits?: Partial<RedeemLimits>;
  /** Pino log level (default `warn`); `silent` for none. Logs go to stderr. */
  readonly logLevel?: string;
  /** Process metrics (CPU, memory, event loop) in /metrics; default true. */
  readonly defaultMetrics?: boolean;
  /** Wall clock in ms (tests may inject another). */
  readonly clock?: Clock;
  /** On close, connections still open after this long are cut (default 10 s). */
  readonly shutdownGraceMs?: number;
  /**
   * How long an F1's key push may wait to share a frame with other F1 pushes (ms, default
   * 1,000; 0: none). F0 pushes never wait. See socket/push-fan-out.ts.
   */
  readonly f1PushHoldMs?: number;
  /** Where warnings go (default: stderr). */
  readonly warn?: (line: string) => void;
  /** The contact-tracing design served (default bluezone; docs/PROTOCOLS.md). */
  readonly design?: DesignName;
  /** The GAEN design's exports (design gaen). */
  readonly gaen?: Partial<GaenOptions>;
}

export const DEFAULT_F1_PUSH_HOLD_MS = 1_000;
export const MAX_F1_PUSH_HOLD_MS = 60_000;

export const DEFAULT_BODY_LIMITS: BodyLimits = {
  small: 16 * 1024,
  keys: 64 * 1024,
  log: 16 * 1024 * 1024,
};

export const DEFAULT_RATE_LIMITS: RateLimits = {
  // Loopback load tests send thousands of requests per second from one address.
  ip: { burst: 20_000, perSecond: 10_000 },
  // A real phone uploads a handful of times per exposure.
  phone: { burst: 30, perSecond: 1 },
  socket: { burst: 20, perSecond: 5 },
};

export const DEFAULT_REDEEM_LIMITS: RedeemLimits = {
  perAddress: 20,
  global: 1_000,
  windowSeconds: 3_600,
  perCode: 5,
};

/** An F0 code's default lifetime: short, so few codes are live at once (docs/SECURITY.md). */
export const DEFAULT_CODE_TTL_SECONDS = 3_600;

export interface Resolved {
  readonly store: StoreSpec | MatcherStore;
  readonly dataDir: string | null | undefined;
  readonly compactAfterBytes: number;
  readonly redisPrefix: string;
  readonly haToken: string;
  readonly viewerToken: string | null;
  readonly params: DecisionParams;
  readonly codeTtlSeconds: number;
  readonly uploadTokenTtlSeconds: number;
  readonly bodyLimits: BodyLimits;
  readonly rateLimits: RateLimits;
  readonly redeemLimits: RedeemLimits;
  readonly logLevel: string;
  readonly defaultMetrics: boolean;
  readonly clock: Clock;
  readonly shutdownGraceMs: number;
  readonly f1PushHoldMs: number;
  readonly warn: (line: string) => void;
  readonly design: DesignName;
  readonly gaen: GaenOptions;
}

/** A configuration problem, reported as one line before anything starts. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/**
 * The HA token: the option, else TRACEBED_HA_TOKEN, else the development token with a loud
 * warning. Refused without one when NODE_ENV=production.
 */
export function resolveHaToken(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): string {
  const token = option ?? env.TRACEBED_HA_TOKEN;
  if (token !== undefined && token !== "") {
    if (token.length < 16) throw new ConfigError("the HA token must be at least 16 characters");
    if (env.NODE_ENV === "production" && token === DEV_HA_TOKEN) {
      throw new ConfigError("the development HA token is refused when NODE_ENV=production");
    }
    return token;
  }
  if (env.NODE_ENV === "production") {
    throw new ConfigError(
      "no HA token: set --ha-token or TRACEBED_HA_TOKEN (a development token is refused when NODE_ENV=production)",
    );
  }
  warn(
    `WARNING: no HA token set (--ha-token or TRACEBED_HA_TOKEN): anyone can issue F0 codes with the development token "${DEV_HA_TOKEN}"`,
  );
  return DEV_HA_TOKEN;
}

function resolveViewerToken(token: string | undefined): string | null {
  if (token === undefined || token === "") return null;
  if (token.length < 16 || !/^[A-Za-z0-9_.~+/=-]*$/.test(token)) {
    throw new ConfigError("the viewer token must be at least 16 characters of A-Z a-z 0-9 _.~+/=-");
  }
  return token;
}

export function resolveOptions(o: MatcherOptions): Resolved {
  const hold = o.f1PushHoldMs ?? DEFAULT_F1_PUSH_HOLD_MS;
  if (!Number.isInteger(hold) || hold < 0 || hold > MAX_F1_PUSH_HOLD_MS) {
    throw new ConfigError(`f1PushHoldMs: must be an integer from 0 to ${MAX_F1_PUSH_HOLD_MS}`);
  }
  const compactAfterBytes = o.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES;
  if (!Number.isSafeInteger(compactAfterBytes) || compactAfterBytes < 0) {
    throw new ConfigError("compactAfterBytes: must be a whole number of bytes, 0 or more");
  }
  const warn = o.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  return {
    design: o.design ?? "bluezone",
    gaen: resolveGaenOptions(o.gaen),
    store: o.store ?? "memory",
    dataDir: o.dataDir,
    compactAfterBytes,
    redisPrefix: o.redisPrefix ?? "tracebed:",
    haToken: resolveHaToken(o.haToken, process.env, warn),
    viewerToken: resolveViewerToken(o.viewerToken),
    params: o.decisionParams ?? DEFAULT_DECISION_PARAMS,
    codeTtlSeconds: o.codeTtlSeconds ?? DEFAULT_CODE_TTL_SECONDS,
    uploadTokenTtlSeconds: o.uploadTokenTtlSeconds ?? 86_400,
    bodyLimits: { ...DEFAULT_BODY_LIMITS, ...o.bodyLimits },
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...o.rateLimits },
    redeemLimits: { ...DEFAULT_REDEEM_LIMITS, ...o.redeemLimits },
    logLevel: o.logLevel ?? "warn",
    defaultMetrics: o.defaultMetrics ?? true,
    clock: o.clock ?? Date.now,
    shutdownGraceMs: o.shutdownGraceMs ?? 10_000,
    f1PushHoldMs: hold,
    warn,
  };
}
