import { LIVE_NAMESPACE } from "@tracebed/protocol";
import { io, type Socket } from "socket.io-client";

/**
 * The one place the page opens the matcher's `/live` feed, with the viewer-scope token
 * `tracebed demo` hands the page (counts and anonymised events only: a token a browser holds
 * is public, so it never unlocks the F0 → F1 → F2 chain; docs/SECURITY.md).
 */
export function openLiveFeed(url: string, token: string): Socket {
  return io(`${url}${LIVE_NAMESPACE}`, {
    transports: ["websocket"],
    auth: { token },
    reconnectionAttempts: 10,
    reconnectionDelayMax: 5_000,
    timeout: 5_000,
  });
}
