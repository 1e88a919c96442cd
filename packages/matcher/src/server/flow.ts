import type { KeyPush, Notification } from "@tracebed/protocol";
import { Matching } from "../flow/matching.js";
import type { Metrics } from "../metrics.js";
import type { Resolved } from "../options.js";
import type { MatcherStore } from "../store/common/types.js";

/** How often the retention sweep runs. */
const RETENTION_INTERVAL_MS = 3_600_000;

/** Where the flow's events go: the sockets, once they exist. */
export interface FlowOutlets {
  keyPushed(push: KeyPush): void;
  notified(phoneId: string, n: Notification, contactIndexId: string | null): void;
}

export interface Flow {
  readonly matching: Matching;
  /**
   * Sends the flow's events to `outlets` (the sockets, built after the HTTP routes that need
   * the flow) and reconciles: steps an earlier run acknowledged but did not finish (a crash).
   */
  start(outlets: FlowOutlets): void;
  /** Resolves when the reconciliation and the steps started so far are done. */
  idle(): Promise<void>;
  /** Stops the hourly retention sweep. */
  stop(): void;
}

/** The flow on the store, its reconciliation at start, and the hourly retention sweep. */
export function wireFlow(
  store: MatcherStore,
  o: Resolved,
  metrics: Metrics,
  onError: (err: unknown, what: string) => void,
): Flow {
  let outlets: FlowOutlets | null = null;
  const matching = new Matching({
    store,
    params: o.params,
    clock: o.clock,
    metrics,
    onError,
    events: {
      keyPushed: (push) => outlets?.keyPushed(push),
      notified: (phoneId, n, contactIndexId) => outlets?.notified(phoneId, n, contactIndexId),
    },
  });
  // Retention: what is older than the window is deleted, hourly (docs/PRIVACY.md).
  const retention = setInterval(() => {
    store
      .retain(Math.floor(o.clock() / 1000), o.params.windowDays)
      .catch((err: unknown) => onError(err, "retention"));
  }, RETENTION_INTERVAL_MS);
  retention.unref();
  let reconciling: Promise<void> = Promise.resolve();
  return {
    matching,
    start: (to) => {
      outlets = to;
      reconciling = matching.reconcile().catch((err: unknown) => onError(err, "reconcile"));
    },
    idle: async () => {
      await reconciling;
      await matching.idle();
    },
    stop: () => clearInterval(retention),
  };
}
