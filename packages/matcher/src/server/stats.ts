import type { Stats } from "@tracebed/protocol";
import type { Resolved } from "../options.js";
import type { MatcherStore } from "../store/common/types.js";

/**
 * GET /v1/stats and the live feed's counts: the store's, with the phones connected to every
 * process (this one reports its own count first; `connectedHere` is null before sockets).
 */
export function statsOf(
  store: MatcherStore,
  o: Resolved,
  processId: string,
  connectedHere: () => number | null,
): () => Promise<Stats> {
  return async () => {
    const nowMs = o.clock();
    const here = connectedHere();
    if (here !== null) await store.reportConnected(processId, here, nowMs);
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
}
