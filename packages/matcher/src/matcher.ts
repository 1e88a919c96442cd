import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { basename } from "node:path";
import { createAdapter } from "@socket.io/redis-adapter";
import {
  EVENTS,
  keyPushSchema,
  LIVE_NAMESPACE,
  type LiveKeyPushed,
  type LiveNotified,
  type Notification,
  PHONE_NAMESPACE,
  type Stats,
} from "@tracebed/protocol";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { Server } from "socket.io";
import { designOf, type MountedDesign } from "./designs/index.js";
import { Matching } from "./flow/matching.js";
import { buildHttp, type RegisteredRoute } from "./http/app.js";
import type { HttpContext } from "./http/context.js";
import { buildOpenApi } from "./http/openapi.js";
import { PhoneCredentials } from "./http/phone-auth.js";
import { Metrics } from "./metrics.js";
import { type MatcherOptions, resolveOptions } from "./options.js";
import { RateLimiter } from "./rate-limit.js";
import { LIVE_ROOMS, setUpLiveFeed } from "./socket/live.js";
import { phoneRoom, setUpPhoneChannel } from "./socket/phones.js";
import { FAN_OUT_EVENT, PushFanOut } from "./socket/push-fan-out.js";
import { MemoryStore } from "./store/memory.js";
import { openStore } from "./store/open.js";
import { connectRedis, type RedisClient, RedisStore } from "./store/redis.js";
import type { MatcherStore } from "./store/types.js";

const VERSION = (createRequire(import.meta.url)("../package.json") as { version: string }).version;

/** How often a process reports its phone connections to a shared store. */
const CONNECTED_REPORT_MS = 2_000;

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
  /** The mounted design's parts (null: Bluezone's own routes only). */
  readonly design: MountedDesign | null;
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

/** A matcher (HTTP + Socket.IO on one server, the store, the flow). Not listening yet. */
/** How often the retention sweep runs. */
const RETENTION_INTERVAL_MS = 3_600_000;

export async function createMatcher(options: MatcherOptions = {}): Promise<Matcher> {
  const o = resolveOptions(options);
  designOf(o.design); // refused before anything opens
  const logger = pino(
    { level: o.logLevel, base: { pid: process.pid } },
    pino.destination({ fd: 2, sync: true }),
  );
  const onError = (err: unknown, what: string) => logger.error({ err }, `${what} failed`);
  const metrics = new Metrics(o.defaultMetrics);
  const processId = randomUUID();

  const ownsStore = typeof o.store === "string";
  const store =
    typeof o.store === "string"
      ? await openStore(o.store, {
          dataDir: o.dataDir,
          redisPrefix: o.redisPrefix,
          onRedisError: (err) => logger.warn({ err }, "redis connection error"),
          compactAfterBytes: o.compactAfterBytes,
          journalHooks: {
            onFlush: (records, seconds) => {
              metrics.journalBatch.observe(records);
              metrics.journalFlushes.observe(seconds);
            },
            onCompacted: (r) => {
              metrics.compactions.inc({ outcome: "ok" });
              metrics.compactionDuration.observe(r.seconds);
              const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
              logger.info(
                {
                  generation: r.generation,
                  snapshotBytes: r.snapshotBytes,
                  records: r.records,
                  journalBytes: r.journalBytes,
                  removed: r.removed,
                  seconds: r.seconds,
                },
                `store compacted: ${mb(r.journalBytes)} MiB of journal into ${basename(r.snapshotPath)} (${mb(r.snapshotBytes)} MiB, ${r.records} records) in ${r.seconds.toFixed(2)} s`,
              );
              if (r.warning !== null) logger.warn(`store compaction: ${r.warning}`);
            },
            onCompactionFailed: (err) => {
              metrics.compactions.inc({ outcome: "failed" });
              logger.error(
                { err },
                "store compaction failed: the previous snapshot and journals stay in use",
              );
            },
            onWarning: (line) => o.warn(`warning: ${line}`),
          },
        })
      : o.store;
  if (store instanceof MemoryStore) metrics.observeStorage(() => store.storage);

  const redisClients: RedisClient[] = [];
  try {
    if (store instanceof RedisStore && (await store.appendOnly()) === false) {
      o.warn(
        "warning: Redis runs without appendonly: acknowledged uploads survive a matcher crash but not a Redis crash",
      );
    }

    // Late-bound: the flow emits through Socket.IO, which is built on the HTTP server below.
    let io: Server | null = null;
    let fanOut: PushFanOut | null = null;
    /** The highest push seq this process has fanned out (see the Redis outage catch-up). */
    let latestFanned = 0;
    const shared = store instanceof RedisStore;
    const notifyPhone = (phoneId: string, n: Notification, contactIndexId: string | null) => {
      if (io === null) return;
      io.to(phoneRoom(phoneId)).emit(EVENTS.notification, n);
      const live: LiveNotified = { ...n, contactIndexId };
      const feed = io.of(LIVE_NAMESPACE);
      feed.to(LIVE_ROOMS.operator).emit(EVENTS.notified, live);
      // Viewers (a public credential) see that someone was notified, not through whom.
      const anonymous: LiveNotified = { ...live, indexId: null, contactIndexId: null };
      feed.to(LIVE_ROOMS.viewer).emit(EVENTS.notified, anonymous);
    };
    const matching = new Matching({
      store,
      params: o.params,
      clock: o.clock,
      metrics,
      onError,
      events: {
        keyPushed(push) {
          if (io === null || fanOut === null) return;
          // Every process fans the push out to its own phones.
          latestFanned = Math.max(latestFanned, push.seq);
          fanOut.push(push);
          if (shared) io.serverSideEmit(FAN_OUT_EVENT, push);
          const live: LiveKeyPushed = {
            seq: push.seq,
            indexId: push.indexId,
            role: push.role,
            keyCount: push.keys.length,
            pushedAt: push.pushedAt,
          };
          io.of(LIVE_NAMESPACE).emit(EVENTS.keyPushed, live); // both scopes
        },
        notified: notifyPhone,
      },
    });

    let phoneChannel: { connected(): number } | null = null;
    const stats = async (): Promise<Stats> => {
      const nowMs = o.clock();
      if (phoneChannel !== null)
        await store.reportConnected(processId, phoneChannel.connected(), nowMs);
      const [s, connected] = await Promise.all([store.stats(), store.connectedPhones(nowMs)]);
      return {
        store: store.kind,
        uploads: { stored: s.uploads },
        f0: { confirmed: s.F0, codesIssued: s.codes },
        notifications: { f1: s.F1, f2: s.F2, sent: s.notificationsSent },
        keyPushes: { total: s.pushes, latestSeq: s.latestSeq },
        phones: { connected },
        at: Math.floor(nowMs / 1000),
      };
    };

    const credentials = new PhoneCredentials(store);
    let openapi: unknown = null;
    const ctx: HttpContext = {
      shuttingDown: false,
      options: o,
      store,
      matching,
      phones: credentials,
      metrics,
      ipLimiter: o.rateLimits.ip === false ? null : new RateLimiter(o.rateLimits.ip),
      phoneLimiter: o.rateLimits.phone === false ? null : new RateLimiter(o.rateLimits.phone),
      stats,
      f0Confirmed: (event) => io?.of(LIVE_NAMESPACE).emit(EVENTS.f0Confirmed, event),
      openapi: () => {
        openapi ??= buildOpenApi(VERSION, o.bodyLimits, designOf(o.design)?.doc ?? null);
        return openapi;
      },
    };
    const { app, routes } = buildHttp(ctx, logger);

    io = new Server(app.server, {
      transports: ["websocket"],
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
      cors: { origin: "*" },
    });
    if (shared) {
      const url = (o.store as string).toString();
      const pub = await connectRedis(url, (err) => logger.warn({ err }, "redis pub error"));
      redisClients.push(pub);
      const sub = await connectRedis(url, (err) => logger.warn({ err }, "redis sub error"));
      redisClients.push(sub);
      io.adapter(createAdapter(pub, sub, { key: `${o.redisPrefix}socket.io` }));
    }
    // Shared stores learn this process's count soon after it changes, and every few seconds.
    let reportSoon: NodeJS.Timeout | null = null;
    const report = () => {
      reportSoon = null;
      void store
        .reportConnected(processId, phoneChannel!.connected(), o.clock())
        .catch((err: unknown) => onError(err, "connected report"));
    };
    const pushFanOut = new PushFanOut(io.of(PHONE_NAMESPACE), metrics.fanOut, {
      holdF1Ms: o.f1PushHoldMs,
    });
    fanOut = pushFanOut;
    io.on(FAN_OUT_EVENT, (raw: unknown) => {
      const push = keyPushSchema.safeParse(raw);
      if (push.success) {
        latestFanned = Math.max(latestFanned, push.data.seq);
        pushFanOut.push(push.data);
      } else onError(push.error, "a key push from another process");
    });
    if (store instanceof RedisStore) {
      // Redis away and back: pushes other processes made meanwhile may not have reached this
      // one (the adapter's channel was down), and steps cut off by the outage are undone.
      // Fan out again every push since the loss (phones dedupe by seq), then reconcile.
      let fannedAtLoss = 0;
      store.watchConnection({
        lost: () => {
          fannedAtLoss = latestFanned;
          logger.warn("redis unreachable: uploads are refused with 503 until it is back");
        },
        back: () => {
          logger.warn("redis reachable again: catching up pushes and decisions");
          void catchUpAfterOutage(fannedAtLoss).catch((err: unknown) =>
            onError(err, "catch-up after a Redis outage"),
          );
        },
      });
    }
    const catchUpAfterOutage = async (since: number) => {
      for (let from = since; ; ) {
        const page = await store.listPushes(from, 1_000);
        for (const push of page.pushes) pushFanOut.push(push);
        if (!page.more || page.pushes.length === 0) break;
        from = page.pushes.at(-1)!.seq;
      }
      await matching.reconcile();
    };
    phoneChannel = setUpPhoneChannel(io.of(PHONE_NAMESPACE), {
      options: o,
      store,
      metrics,
      fanOut: pushFanOut,
      credentials,
      onError,
      onCountChange: () => {
        reportSoon ??= setTimeout(report, 100);
      },
    });
    const live = setUpLiveFeed(io.of(LIVE_NAMESPACE), { options: o, metrics, stats, onError });
    // A design other than Bluezone mounts its routes, store and flow beside these (designs/).
    const design: MountedDesign | null =
      (await designOf(o.design)?.mount({
        app,
        http: ctx,
        redis: store instanceof RedisStore ? { client: store.client, prefix: o.redisPrefix } : null,
        notified: notifyPhone,
        onError,
      })) ?? null;
    const reporter = setInterval(report, CONNECTED_REPORT_MS);
    reporter.unref();
    // Retention: what is older than the window is deleted, hourly (docs/PRIVACY.md).
    const retention = setInterval(() => {
      store
        .retain(Math.floor(o.clock() / 1000), o.params.windowDays)
        .catch((err: unknown) => onError(err, "retention"));
    }, RETENTION_INTERVAL_MS);
    retention.unref();

    // Steps an earlier run acknowledged but did not finish (a crash): push, decide, notify.
    const reconciling = matching.reconcile().catch((err: unknown) => onError(err, "reconcile"));

    let address: MatcherAddress | null = null;
    let closing: Promise<void> | null = null;
    const theIo = io;

    return {
      get address() {
        return address;
      },
      store,
      design,
      http: app,
      routes,
      io: theIo,
      metrics,
      idle: async () => {
        await reconciling;
        await matching.idle();
        await design?.idle();
        await pushFanOut.idle();
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
        closing ??= (async () => {
          clearInterval(reporter);
          clearInterval(retention);
          if (reportSoon !== null) clearTimeout(reportSoon);
          live.stop();
          theIo.local.disconnectSockets(true);
          // In-flight requests finish; a client that holds a connection past the grace period
          // (a stalled upload) is cut off.
          const force = setTimeout(() => app.server.closeAllConnections(), o.shutdownGraceMs);
          // Responses from now on say Connection: close; connections that go idle after
          // their in-flight request are closed as they do.
          ctx.shuttingDown = true;
          const reap = setInterval(() => app.server.closeIdleConnections(), 50);
          await app.close();
          clearTimeout(force);
          clearInterval(reap);
          await reconciling;
          await matching.idle();
          await design?.close();
          await pushFanOut.flush();
          await new Promise<void>((resolve) => {
            void theIo.close(() => resolve());
          });
          await store.reportConnected(processId, 0, o.clock()).catch(() => {});
          for (const c of redisClients) {
            if (!c.isReady) {
              if (c.isOpen) c.destroy(); // Redis away: nothing to wait for
              continue;
            }
            await c.close().catch(() => {
              if (c.isOpen) c.destroy();
            });
          }
          if (ownsStore) await store.close();
          logger.flush();
        })();
        return closing;
      },
    };
  } catch (err) {
    for (const c of redisClients) c.destroy();
    if (ownsStore) await store.close().catch(() => {});
    throw err;
  }
}
