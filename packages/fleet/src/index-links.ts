import { EVENTS, LIVE_NAMESPACE, liveNotifiedSchema } from "@tracebed/protocol";
import { io } from "socket.io-client";

/**
 * Which index person each F1 became, read from a matcher's live feed: an F1's notification
 * names the index it was found through and the index it became (`contactIndexId`), and an F2's
 * names the latter. Phones are never told their own index ID, so this is how a run ties an F2
 * back to its F0 (the feed reaches every viewer of every process, so one URL is enough).
 */
export interface IndexLinks {
  /** The index an F1's own index was found through (an F0's index, for a first-generation F1). */
  readonly foundThrough: ReadonlyMap<string, string>;
  close(): void;
}

/**
 * Connects to `${url}/live` with the operator token (the HA token: the ties are the operator's
 * to see); rejects if the feed cannot be reached within `timeoutMs`.
 */
export function watchIndexLinks(
  url: string,
  operatorToken: string,
  timeoutMs = 5_000,
): Promise<IndexLinks> {
  const foundThrough = new Map<string, string>();
  const socket = io(`${url}${LIVE_NAMESPACE}`, {
    transports: ["websocket"],
    auth: { token: operatorToken },
    reconnectionDelayMax: 1_000,
    timeout: timeoutMs,
  });
  socket.on(EVENTS.notified, (payload: unknown) => {
    const n = liveNotifiedSchema.safeParse(payload);
    if (n.success && n.data.contactIndexId !== null && n.data.indexId !== null) {
      foundThrough.set(n.data.contactIndexId, n.data.indexId);
    }
  });
  const links: IndexLinks = { foundThrough, close: () => socket.close() };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`${url}${LIVE_NAMESPACE}: no connection within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve(links);
    });
  });
}
