import { createHash, timingSafeEqual } from "node:crypto";
import { EVENTS, liveHandshakeSchema, type Stats } from "@tracebed/protocol";
import type { Namespace } from "socket.io";
import { body } from "../http/errors.js";
import type { Metrics } from "../metrics.js";
import type { Resolved } from "../options.js";
import { RateLimiter } from "../rate-limit.js";

/** Rooms of the live feed by scope: operators get the full events, viewers anonymised ones. */
export const LIVE_ROOMS = { operator: "scope:operator", viewer: "scope:viewer" } as const;

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * The live feed, behind a credential (`auth: { token }`): the operator token (the HA token)
 * or the viewer token. "stats" on connect and every second while the counts change (sent
 * by each process to its own viewers), plus the flow's events (sent once, to every viewer of
 * every process through the adapter). Viewers send nothing.
 */
export function setUpLiveFeed(
  nsp: Namespace,
  deps: {
    options: Resolved;
    metrics: Metrics;
    stats: () => Promise<Stats>;
    onError: (err: unknown, what: string) => void;
  },
): { stop(): void } {
  const limiter =
    deps.options.rateLimits.socket === false
      ? null
      : new RateLimiter(deps.options.rateLimits.socket);
  let viewers = 0;
  let last = "";
  const operator = digest(deps.options.haToken);
  const viewer = deps.options.viewerToken === null ? null : digest(deps.options.viewerToken);
  nsp.use((socket, next) => {
    const auth = liveHandshakeSchema.safeParse(socket.handshake.auth);
    const given = auth.success ? digest(auth.data.token) : null;
    const scope =
      given === null
        ? null
        : timingSafeEqual(given, operator)
          ? "operator"
          : viewer !== null && timingSafeEqual(given, viewer)
            ? "viewer"
            : null;
    if (scope === null) {
      const message = auth.success
        ? "auth.token: not an operator or viewer token"
        : "auth.token: missing (the operator or viewer token)";
      const e = new Error(message) as Error & { data?: unknown };
      e.data = body("unauthorized", message);
      next(e);
      return;
    }
    socket.data.scope = scope;
    next();
  });
  nsp.on("connection", (socket) => {
    void socket.join(LIVE_ROOMS[socket.data.scope as "operator" | "viewer"]);
    viewers++;
    deps.metrics.liveViewers.set(viewers);
    socket.on("disconnect", () => {
      viewers--;
      deps.metrics.liveViewers.set(viewers);
      limiter?.delete(socket.id);
    });
    socket.onAny((event: string, ...args: unknown[]) => {
      if (limiter !== null && limiter.take(socket.id) > 0) {
        deps.metrics.rateLimited.inc({ scope: "socket" });
        return;
      }
      const b = body("invalid_message", `${event}: the live feed takes no events`);
      const ack = args.at(-1);
      if (typeof ack === "function") ack(b);
      else socket.emit(EVENTS.refused, b);
    });
    deps
      .stats()
      .then((s) => socket.emit(EVENTS.stats, s))
      .catch((err: unknown) => deps.onError(err, "live stats"));
  });
  const timer = setInterval(() => {
    if (viewers === 0) return;
    deps
      .stats()
      .then((s) => {
        const { at: _at, ...counts } = s;
        const key = JSON.stringify(counts);
        if (key === last) return;
        last = key;
        nsp.local.emit(EVENTS.stats, s);
      })
      .catch((err: unknown) => deps.onError(err, "live stats"));
  }, 1_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
