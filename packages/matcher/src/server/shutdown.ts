import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { DesignServer } from "../designs/types.js";
import type { HttpContext } from "../http/context.js";
import type { Resolved } from "../options.js";
import type { Flow } from "./flow.js";
import type { OpenedStore } from "./open-store.js";
import type { Sockets } from "./sockets.js";

export interface Running {
  readonly o: Resolved;
  readonly app: FastifyInstance;
  readonly ctx: HttpContext;
  readonly sockets: Sockets;
  readonly flow: Flow;
  /** The design's own server side, if it has one. */
  readonly design: DesignServer | null;
  readonly opened: OpenedStore;
  readonly logger: Logger;
}

/**
 * Graceful stop: refuses new requests, disconnects sockets, lets in-flight requests and
 * background flow steps finish, flushes the pushes due, closes Socket.IO and the store.
 */
export async function shutdown(r: Running): Promise<void> {
  const { app, o } = r;
  r.flow.stop();
  r.sockets.stop();
  // In-flight requests finish; a client that holds a connection past the grace period (a
  // stalled upload) is cut off.
  const force = setTimeout(() => app.server.closeAllConnections(), o.shutdownGraceMs);
  // Responses from now on say Connection: close; connections that go idle after their
  // in-flight request are closed as they do.
  r.ctx.shuttingDown = true;
  const reap = setInterval(() => app.server.closeIdleConnections(), 50);
  await app.close();
  clearTimeout(force);
  clearInterval(reap);
  await r.flow.idle();
  await r.sockets.fanOut.flush();
  await r.design?.close();
  await r.sockets.close();
  if (r.opened.owned) await r.opened.store.close();
  r.logger.flush();
}
