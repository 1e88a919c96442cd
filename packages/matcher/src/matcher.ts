import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type { Stats } from "@tracebed/protocol";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import type { Server } from "socket.io";
import { loadDesign } from "./designs/index.js";
import type { DesignServer } from "./designs/types.js";
import type { RegisteredRoute } from "./http/app.js";
import { PhoneCredentials } from "./http/phone-auth.js";
import { registerOperatorRoutes } from "./http/routes/operator.js";
import { Metrics } from "./metrics.js";
import { type MatcherOptions, resolveOptions } from "./options.js";
import { wireFlow } from "./server/flow.js";
import { setUpHttp } from "./server/http.js";
import { openMatcherStore, warnOnDurability } from "./server/open-store.js";
import { catchUpAfterOutages } from "./server/outage.js";
import { shutdown } from "./server/shutdown.js";
import { type Sockets, setUpSockets } from "./server/sockets.js";
import { statsOf } from "./server/stats.js";
import type { MatcherStore } from "./store/common/types.js";

const VERSION = (createRequire(import.meta.url)("../package.json") as { version: string }).version;

export interface MatcherAddress {
  readonly host: string;
  readonly port: number;
  /** `http://host:port`, the base URL of the HTTP routes and of Socket.IO. */
  readonly url: string;
}

export interface Matcher {
  /** Starts listening; port 0 picks a free one. */
  listen(port: number, host?: string): Promise<MatcherAddress>;
  /**
   * Graceful stop: refuses new requests, disconnects sockets, lets in-flight requests and
   * background flow steps finish, flushes the store and closes it (and Redis connections).
   */
  close(): Promise<void>;
  /** Where it listens, once listening. */
  readonly address: MatcherAddress | null;
  readonly store: MatcherStore;
  /** The served design's server side (Bluezone's: a view over the matcher's store). */
  readonly design: DesignServer;
  /** The fastify instance (tests may `inject`). */
  readonly http: FastifyInstance;
  /** Every HTTP route registered (the OpenAPI document must list them all). */
  readonly routes: readonly RegisteredRoute[];
  readonly io: Server;
  readonly metrics: Metrics;
  /** Resolves when the background flow steps started so far are done (tests). */
  idle(): Promise<void>;
  stats(): Promise<Stats>;
}

/**
 * A matcher (HTTP + Socket.IO on one server, the store, the flow), not listening yet, composed
 * from its parts in src/server/: the store, the flow, the HTTP routes, the sockets, shutdown.
 */
export async function createMatcher(options: MatcherOptions = {}): Promise<Matcher> {
  const o = resolveOptions(options);
  const logger = pino(
    { level: o.logLevel, base: { pid: process.pid } },
    pino.destination({ fd: 2, sync: true }),
  );
  const onError = (err: unknown, what: string) => logger.error({ err }, `${what} failed`);
  const metrics = new Metrics(o.defaultMetrics);
  const processId = randomUUID();
  const opened = await openMatcherStore(o, metrics, logger);
  const { store } = opened;
  let sockets: Sockets | null = null;
  let design: DesignServer | null = null;
  try {
    await warnOnDurability(store, o);
    const flow = wireFlow(store, o, metrics, onError);
    let phones: { connected(): number } | null = null;
    const stats = statsOf(store, o, processId, () => phones?.connected() ?? null);
    const credentials = new PhoneCredentials(store);
    const designModule = await loadDesign(o.design);
    const { ctx, app, routes } = setUpHttp({
      designOpenApi: designModule.openapi,
      o,
      version: VERSION,
      store,
      flow,
      credentials,
      metrics,
      stats,
      f0Confirmed: (event) => sockets?.f0Confirmed(event),
      logger,
    });
    const served = await designModule.mount({
      app,
      http: ctx,
      // The sockets are set up next; a design notifies through them once they are.
      notified: (phoneId, n, contactIndexId) => sockets?.notified(phoneId, n, contactIndexId),
      onError,
    });
    design = served;
    registerOperatorRoutes(app, ctx, served);
    const s = await setUpSockets({
      server: app.server,
      store,
      o,
      metrics,
      credentials,
      stats,
      processId,
      logger,
      onError,
      onPhoneChannel: (channel) => {
        phones = channel;
      },
    });
    sockets = s;
    catchUpAfterOutages(store, s, flow, logger, onError);
    flow.start(s);

    let address: MatcherAddress | null = null;
    let closing: Promise<void> | null = null;
    return {
      get address() {
        return address;
      },
      store,
      design: served,
      http: app,
      routes,
      io: s.io,
      metrics,
      idle: async () => {
        await flow.idle();
        await design?.idle();
        await s.fanOut.idle();
      },
      stats,
      async listen(port, host = "127.0.0.1") {
        await app.listen({ port, host });
        const a = app.server.address() as AddressInfo;
        const shown = a.family === "IPv6" ? `[${a.address}]` : a.address;
        address = { host: a.address, port: a.port, url: `http://${shown}:${a.port}` };
        return address;
      },
      close() {
        closing ??= shutdown({ o, app, ctx, sockets: s, flow, design, opened, logger });
        return closing;
      },
    };
  } catch (err) {
    await sockets?.close().catch(() => {});
    await design?.close().catch(() => {});
    if (opened.owned) await store.close().catch(() => {});
    throw err;
  }
}
