import type { Logger } from "pino";
import { pushesSince } from "../store/common/pushes.js";
import type { MatcherStore } from "../store/common/types.js";
import type { Flow } from "./flow.js";
import type { Sockets } from "./sockets.js";

/** A catch-up cut off by the store going away again is retried this often, this many times. */
const CATCH_UP_RETRY_MS = 500;
const CATCH_UP_ATTEMPTS = 120;

/**
 * A shared store away and back: pushes other processes made meanwhile may not have reached
 * this one (the adapter's channel was down), and steps cut off by the outage are undone. Fan
 * out again every push since the loss (phones dedupe by seq), then reconcile.
 */
export function catchUpAfterOutages(
  store: MatcherStore,
  sockets: Sockets,
  flow: Flow,
  logger: Logger,
  onError: (err: unknown, what: string) => void,
): void {
  if (store.sharing === undefined) return;
  const catchUp = async (since: number) => {
    for await (const push of pushesSince(store, since)) sockets.fanHere(push);
    await flow.matching.reconcile();
  };
  // The store's other connections (its transaction pool) may come back after the one that
  // said so: a catch-up that fails is tried again, for a minute at most.
  const catchUpUntilDone = async (since: number) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await catchUp(since);
      } catch (err) {
        if (attempt >= CATCH_UP_ATTEMPTS) throw err;
        await new Promise((r) => setTimeout(r, CATCH_UP_RETRY_MS));
      }
    }
  };
  let fannedAtLoss = 0;
  store.sharing.watchConnection({
    lost: () => {
      fannedAtLoss = sockets.caughtUpTo();
      logger.warn(`${store.kind} unreachable: uploads are refused with 503 until it is back`);
    },
    back: () => {
      logger.warn(`${store.kind} reachable again: catching up pushes and decisions`);
      void catchUpUntilDone(fannedAtLoss).catch((err: unknown) =>
        onError(err, `catch-up after a ${store.kind} outage`),
      );
    },
  });
}
