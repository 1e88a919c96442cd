import { EVENTS, type PhoneHandshake } from "@tracebed/protocol";
import { io, type Socket } from "socket.io-client";
import type { EmitEvent } from "./events.js";
import { Limiter } from "./limiter.js";

/**
 * Handshakes in flight at once per fleet process. Thousands at once on one loopback server
 * time out (the client gives a handshake 20 s) and the run fails with `websocket error`.
 */
export const CONNECT_CONCURRENCY = 128;

/** What a phone listens to: its key pushes and its notifications. */
export interface PhoneListeners {
  onPushes(p: number): (raw: unknown) => void;
  onNotification(p: number): (raw: unknown) => void;
}

/**
 * Connects each phone over Socket.IO (no reconnection: a dropped phone is an error of the run),
 * CONNECT_CONCURRENCY at a time, and resolves once every one has its `ready`. One that cannot
 * connect fails the start, and the others are let go (they would keep the process alive).
 */
export async function connectPhones(
  phones: readonly number[],
  urlOf: (p: number) => string,
  credentialOf: (p: number) => PhoneHandshake,
  listeners: PhoneListeners,
  emit: EmitEvent,
): Promise<Map<number, Socket>> {
  const sockets = new Map<number, Socket>();
  const connect = (p: number) =>
    new Promise<void>((resolve, reject) => {
      const url = urlOf(p);
      const s = io(url, {
        transports: ["websocket"],
        auth: credentialOf(p),
        reconnection: false,
      });
      sockets.set(p, s);
      s.on(EVENTS.keyPushes, listeners.onPushes(p));
      s.on(EVENTS.notification, listeners.onNotification(p));
      s.once(EVENTS.ready, () => resolve());
      s.once("connect_error", (err) => reject(new Error(`${url}: ${err.message}`)));
      s.on("disconnect", (reason) => {
        if (reason !== "io client disconnect")
          emit({ type: "error", message: `${url}: phone disconnected (${reason})` });
      });
    });
  const limiter = new Limiter(CONNECT_CONCURRENCY);
  try {
    await Promise.all(phones.map((p) => limiter.run(() => connect(p))));
  } catch (err) {
    for (const s of sockets.values()) s.disconnect();
    throw err;
  }
  return sockets;
}
