import { LIVE_NAMESPACE } from "@tracebed/protocol";
import { io, type Socket } from "socket.io-client";

/**
 * The one place the page opens the matcher's read-only `/live` feed (credentials for it, when
 * the matcher asks for them, go here and nowhere else).
 */
export function openLiveFeed(url: string): Socket {
  return io(`${url}${LIVE_NAMESPACE}`, {
    transports: ["websocket"],
    reconnectionAttempts: 10,
    reconnectionDelayMax: 5_000,
    timeout: 5_000,
  });
}
