import type { Server as HttpServer } from "node:http";
import {
  EVENTS,
  type KeyPush,
  keyPushSchema,
  LIVE_NAMESPACE,
  type LiveF0Confirmed,
  type LiveKeyPushed,
  type LiveNotified,
  PHONE_NAMESPACE,
  type Stats,
} from "@tracebed/protocol";
import type { Logger } from "pino";
import { Server } from "socket.io";
import type { PhoneCredentials } from "../http/phone-auth.js";
import type { Metrics } from "../metrics.js";
import type { Resolved } from "../options.js";
import { FannedSeqs } from "../socket/fanned-seqs.js";
import { LIVE_ROOMS, setUpLiveFeed } from "../socket/live.js";
import { phoneRoom, setUpPhoneChannel } from "../socket/phones.js";
import { FAN_OUT_EVENT, PushFanOut } from "../socket/push-fan-out.js";
import { StoreUnavailableError } from "../store/common/errors.js";
import { pushesSince } from "../store/common/pushes.js";
import type { MatcherStore, SocketAdapter } from "../store/common/types.js";
import type { FlowOutlets } from "./flow.js";

/** How often a process reports its phone connections to the store. */
const CONNECTED_REPORT_MS = 2_000;

/** A gap in the pushes fanned out that lasts this long is filled from the store. */
const GAP_FILL_MS = 2_000;

export interface Sockets extends FlowOutlets {
  readonly io: Server;
  readonly fanOut: PushFanOut;
  /** The highest push seq this process has fanned out with none missing below it. */
  caughtUpTo(): number;
  /** Fans a push out to this process's phones only (a catch-up: every process runs its own). */
  fanHere(push: KeyPush): void;
  f0Confirmed(event: LiveF0Confirmed): void;
  /** Stops reports and the live feed, disconnects every socket of this process. */
  stop(): void;
  /** Closes Socket.IO (after stop) and the store's adapter; says 0 phones here. */
  close(): Promise<void>;
}

export interface SocketDeps {
  readonly server: HttpServer;
  readonly store: MatcherStore;
  readonly o: Resolved;
  readonly metrics: Metrics;
  readonly credentials: PhoneCredentials;
  readonly stats: () => Promise<Stats>;
  readonly processId: string;
  readonly logger: Logger;
  readonly onError: (err: unknown, what: string) => void;
  /** Set as soon as the phone channel exists (the stats count its connections). */
  readonly onPhoneChannel: (channel: { connected(): number }) => void;
}

/**
 * Socket.IO on the HTTP server: the phones' push channel and the live feed. A store shared by
 * several processes (its `sharing` seam) lends an adapter, so a push made by any process
 * reaches every process's phones.
 */
export async function setUpSockets(d: SocketDeps): Promise<Sockets> {
  const { store, o, metrics, onError } = d;
  const io = new Server(d.server, {
    transports: ["websocket"],
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    cors: { origin: "*" },
  });
  let adapter: SocketAdapter | null = null;
  if (store.sharing !== undefined) {
    adapter = await store.sharing.openSocketAdapter((err) =>
      d.logger.warn({ err }, "store adapter connection error"),
    );
    io.adapter(adapter.adapter as Parameters<Server["adapter"]>[0]);
  }
  const shared = adapter !== null;
  const fanOut = new PushFanOut(io.of(PHONE_NAMESPACE), metrics.fanOut, {
    holdF1Ms: o.f1PushHoldMs,
  });
  const fanned = new FannedSeqs();
  const fan = (push: KeyPush) => {
    fanned.fanned(push.seq);
    fanOut.push(push);
  };
  // A push another process made whose relay never came (its publish lost to a blip of that
  // process's connection, with no outage seen here) leaves a gap below the pushes fanned
  // since: once it outlasts a period, it is filled from the store. Phones dedupe by seq.
  let gapMark = -1;
  let filling = false;
  const fillGaps = async () => {
    if (!fanned.hasGap()) {
      gapMark = -1;
      return;
    }
    const mark = fanned.caughtUpTo();
    if (mark !== gapMark || filling) {
      gapMark = mark;
      return;
    }
    filling = true;
    try {
      let listed = mark;
      for await (const push of pushesSince(store, mark)) {
        if (fanned.isMissing(push.seq)) fan(push);
        listed = push.seq;
      }
      fanned.settledUpTo(listed);
    } finally {
      filling = false;
    }
  };
  const gapTimer =
    store.sharing === undefined
      ? null
      : setInterval(
          () =>
            void fillGaps().catch((err: unknown) => {
              // The store away: the catch-up after the outage fills it.
              if (!(err instanceof StoreUnavailableError)) onError(err, "filling a gap in pushes");
            }),
          GAP_FILL_MS,
        );
  gapTimer?.unref();
  io.on(FAN_OUT_EVENT, (raw: unknown) => {
    const push = keyPushSchema.safeParse(raw);
    if (push.success) fan(push.data);
    else onError(push.error, "a key push from another process");
  });

  // The store learns this process's count soon after it changes, and every few seconds.
  let reportSoon: NodeJS.Timeout | null = null;
  const report = () => {
    reportSoon = null;
    void store
      .reportConnected(d.processId, phones.connected(), o.clock())
      .catch((err: unknown) => onError(err, "connected report"));
  };
  const phones = setUpPhoneChannel(io.of(PHONE_NAMESPACE), {
    options: o,
    store,
    metrics,
    fanOut,
    credentials: d.credentials,
    onError,
    onCountChange: () => {
      reportSoon ??= setTimeout(report, 100);
    },
  });
  d.onPhoneChannel(phones);
  const live = setUpLiveFeed(io.of(LIVE_NAMESPACE), {
    options: o,
    metrics,
    stats: d.stats,
    onError,
  });
  const reporter = setInterval(report, CONNECTED_REPORT_MS);
  reporter.unref();

  const feed = io.of(LIVE_NAMESPACE);
  return {
    io,
    fanOut,
    caughtUpTo: () => fanned.caughtUpTo(),
    fanHere: fan,
    keyPushed(push) {
      // Every process fans the push out to its own phones.
      fan(push);
      if (shared) io.serverSideEmit(FAN_OUT_EVENT, push);
      const event: LiveKeyPushed = {
        seq: push.seq,
        indexId: push.indexId,
        role: push.role,
        keyCount: push.keys.length,
        pushedAt: push.pushedAt,
      };
      feed.emit(EVENTS.keyPushed, event); // both scopes
    },
    notified(phoneId, n, contactIndexId) {
      io.to(phoneRoom(phoneId)).emit(EVENTS.notification, n);
      const event: LiveNotified = { ...n, contactIndexId };
      feed.to(LIVE_ROOMS.operator).emit(EVENTS.notified, event);
      // Viewers (a public credential) see that someone was notified, not through whom.
      const anonymous: LiveNotified = { ...event, indexId: null, contactIndexId: null };
      feed.to(LIVE_ROOMS.viewer).emit(EVENTS.notified, anonymous);
    },
    f0Confirmed: (event) => feed.emit(EVENTS.f0Confirmed, event),
    stop() {
      clearInterval(reporter);
      if (gapTimer !== null) clearInterval(gapTimer);
      if (reportSoon !== null) clearTimeout(reportSoon);
      live.stop();
      io.local.disconnectSockets(true);
    },
    async close() {
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      await store.reportConnected(d.processId, 0, o.clock()).catch(() => {});
      await adapter?.close();
    },
  };
}
