import {
  type CatchUpRequest,
  catchUpRequestSchema,
  EVENTS,
  formatIssue,
  MessageError,
  parseMessage,
  phoneHandshakeSchema,
  type Ready,
} from "@tracebed/protocol";
import type { Namespace, Socket } from "socket.io";
import { unixSeconds } from "../clock.js";
import { body } from "../http/errors.js";
import type { PhoneCredentials } from "../http/phone-auth.js";
import { catchUp } from "../http/routes/keys.js";
import type { Metrics } from "../metrics.js";
import type { Resolved } from "../options.js";
import { RateLimiter } from "../rate-limit.js";
import type { MatcherStore } from "../store/common/types.js";
import type { PushFanOut } from "./push-fan-out.js";

/** Room of one phone: notifications go there, across processes with the Redis adapter. */
export const phoneRoom = (phoneId: string) => `phone:${phoneId}`;

const KNOWN_EVENTS: ReadonlySet<string> = new Set([EVENTS.catchUp]);

export interface PhoneChannelDeps {
  readonly options: Resolved;
  readonly store: MatcherStore;
  readonly metrics: Metrics;
  readonly fanOut: PushFanOut;
  readonly credentials: PhoneCredentials;
  readonly onError: (err: unknown, what: string) => void;
  /** Called when the number of connected phones changes. */
  readonly onCountChange?: () => void;
}

/**
 * The phones' push channel. A phone connects with `auth: { phoneId, secret }` (its credential), joins its room, gets
 * "ready" with the latest push seq and its stored notifications, and may ask for a "catch-up"
 * page. Key pushes go out through the fan-out; notifications to the phone's room.
 */
export function setUpPhoneChannel(nsp: Namespace, deps: PhoneChannelDeps): { connected(): number } {
  const { options, store, metrics } = deps;
  const limiter =
    options.rateLimits.socket === false ? null : new RateLimiter(options.rateLimits.socket);
  let connected = 0;

  const refuse = (next: (err?: Error) => void, code: "unauthorized", message: string) => {
    const e = new Error(message) as Error & { data?: unknown };
    e.data = body(code, message);
    next(e);
  };
  nsp.use((socket, next) => {
    const parsed = phoneHandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      const problem = new MessageError(parsed.error.issues.flatMap(formatIssue)).message;
      return refuse(next, "unauthorized", `auth.${problem} (auth is { phoneId, secret })`);
    }
    const { phoneId, secret } = parsed.data;
    deps.credentials.phoneOf(secret).then(
      (owner) => {
        if (owner !== phoneId) return refuse(next, "unauthorized", "auth: wrong phoneId or secret");
        socket.data.phoneId = phoneId;
        next();
      },
      (err: unknown) => {
        deps.onError(err, "phone credential");
        refuse(next, "unauthorized", "auth: the credential could not be checked, retry");
      },
    );
  });

  nsp.on("connection", (socket: Socket) => {
    const phoneId = socket.data.phoneId as string;
    connected++;
    metrics.connectedPhones.set(connected);
    deps.onCountChange?.();
    void socket.join(phoneRoom(phoneId));
    deps.fanOut.admit(socket);
    socket.on("disconnect", () => {
      connected--;
      metrics.connectedPhones.set(connected);
      deps.onCountChange?.();
      limiter?.delete(socket.id);
    });

    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = typeof args.at(-1) === "function" ? (args.at(-1) as (x: unknown) => void) : null;
      const refuse = (code: Parameters<typeof body>[0], message: string) => {
        const b = body(code, message);
        if (ack) ack(b);
        else socket.emit(EVENTS.refused, b);
      };
      if (limiter !== null && limiter.take(socket.id) > 0) {
        metrics.rateLimited.inc({ scope: "socket" });
        return refuse("rate_limited", `${event}: too many events on this connection`);
      }
      if (!KNOWN_EVENTS.has(event)) return refuse("invalid_message", `${event}: no such event`);
      if (ack === null)
        return refuse("invalid_message", `${event}: needs an acknowledgement callback`);
      let request: CatchUpRequest;
      try {
        request = parseMessage(catchUpRequestSchema, args.length > 1 ? args[0] : {});
      } catch (err) {
        return refuse("invalid_message", (err as Error).message);
      }
      const now = unixSeconds(options.clock);
      catchUp(store, request.since ?? 0, now, options.params.windowDays).then(
        ack,
        (err: unknown) => {
          deps.onError(err, "catch-up");
          ack(body("internal", "catch-up failed"));
        },
      );
    });

    void greet(socket, phoneId).catch((err: unknown) => deps.onError(err, "phone greeting"));
  });

  async function greet(socket: Socket, phoneId: string): Promise<void> {
    const [stats, notifications] = await Promise.all([
      store.stats(),
      store.notificationsOf(phoneId),
    ]);
    const ready: Ready = {
      phoneId,
      latestSeq: stats.latestSeq,
      serverTime: unixSeconds(options.clock),
    };
    socket.emit(EVENTS.ready, ready);
    for (const n of notifications) socket.emit(EVENTS.notification, n);
  }

  return { connected: () => connected };
}
