import hdr from "hdr-histogram-js";
import type { FleetEvent } from "./events.js";

/** The phones notified against the simulator's truth (every true F1/F2, app or not). */
export interface TruthComparison {
  /** True F1 (F2) of the run: close contacts in the causal window, app or not. */
  true: number;
  /** Notified and true. */
  found: number;
  /** found ÷ true; null when there is no true one. */
  recall: number | null;
  /** found ÷ notified; null when none was notified. */
  precision: number | null;
}

export interface SetComparison {
  /** The oracle's app-notified set for the same run (detected ∪ false positives). */
  expected: number;
  notified: number;
  missing: number;
  extra: number;
  /** Against the truth, when the run's true set was given. */
  truth?: TruthComparison;
}

/** What the notified sets are compared with: the oracle's app-notified sets, and the truth. */
export interface ExpectedSets {
  f1: ReadonlySet<number>;
  f2: ReadonlySet<number>;
  trueF1?: ReadonlySet<number>;
  trueF2?: ReadonlySet<number>;
}

export interface LoadSummary {
  phones: number;
  f0: number;
  f1: SetComparison;
  f2: SetComparison;
  uploads: { sent: number; acknowledged: number };
  /** F2 notifications the phones heard, and how many were tied to a confirmed F0. */
  f2Notifications: { received: number; tiedToF0: number };
  latencyMs: {
    /** Each F1 notification: its F0 confirmed → the phone notified. */
    notifyP50: number;
    notifyP99: number;
    /** Per F0: confirmed → the last of its F1 notified. */
    lastF1P50: number;
    lastF1P99: number;
    /**
     * Per F0: confirmed → the last F2 found through its F1 notified; null when no F2 could be
     * tied to its F0 (none found, or the matcher's live feed was not reachable).
     */
    lastF2P50: number | null;
    lastF2P99: number | null;
  };
  errors: string[];
  seconds: number;
}

const againstTruth = (
  truth: ReadonlySet<number>,
  notified: ReadonlySet<number>,
): TruthComparison => {
  const found = [...notified].filter((x) => truth.has(x)).length;
  return {
    true: truth.size,
    found,
    recall: truth.size === 0 ? null : found / truth.size,
    precision: notified.size === 0 ? null : found / notified.size,
  };
};

const compare = (
  expected: ReadonlySet<number>,
  notified: ReadonlySet<number>,
  truth: ReadonlySet<number> | undefined,
): SetComparison => ({
  expected: expected.size,
  notified: notified.size,
  missing: [...expected].filter((x) => !notified.has(x)).length,
  extra: [...notified].filter((x) => !expected.has(x)).length,
  ...(truth === undefined ? {} : { truth: againstTruth(truth, notified) }),
});

/** Folds the processes' events into the run's summary, against the oracle's sets. */
export class SummaryBuilder {
  private phones = 0;
  private readonly confirmed = new Map<string, number>();
  private readonly f0Agents = new Set<number>();
  private readonly f1 = new Set<number>();
  private readonly f2 = new Set<number>();
  private readonly notifications: { indexId: string; at: number; agent: number; role: string }[] =
    [];
  private sent = 0;
  private acked = 0;
  readonly errors: string[] = [];
  readonly ackedIds: string[] = [];

  add(e: FleetEvent): void {
    switch (e.type) {
      case "ready":
        this.phones += e.phones;
        break;
      case "confirmed":
        this.confirmed.set(e.indexId, e.at);
        this.f0Agents.add(e.agent);
        break;
      case "notified":
        // A person counts once, in the highest role: an F2 later found to be an F1 is an F1.
        if (e.role === "F1") {
          this.f1.add(e.agent);
          this.f2.delete(e.agent);
        } else if (!this.f1.has(e.agent)) this.f2.add(e.agent);
        this.notifications.push(e);
        break;
      case "sent":
        this.sent++;
        break;
      case "acked":
        this.acked++;
        this.ackedIds.push(e.uploadId);
        break;
      case "error":
        if (this.errors.length < 20) this.errors.push(e.message);
        break;
    }
  }

  /**
   * `foundThrough`: the index each F1 became → the index it was found through (IndexLinks),
   * which ties an F2 to its F0.
   */
  build(
    expected: ExpectedSets,
    seconds: number,
    foundThrough: ReadonlyMap<string, string> = new Map(),
  ): LoadSummary {
    const each = histogram();
    const lastF1ByF0 = new Map<string, number>();
    const lastF2ByF0 = new Map<string, number>();
    const latest = (m: Map<string, number>, f0: string, ms: number) =>
      m.set(f0, Math.max(m.get(f0) ?? 0, ms));
    const f2Notifications = { received: 0, tiedToF0: 0 };
    for (const n of this.notifications) {
      if (n.role === "F2") f2Notifications.received++;
      const f0 = n.role === "F1" ? n.indexId : foundThrough.get(n.indexId);
      const from = f0 === undefined ? undefined : this.confirmed.get(f0);
      if (f0 === undefined || from === undefined) continue;
      if (n.role === "F1") {
        each.recordValue(Math.max(1, n.at - from));
        latest(lastF1ByF0, f0, n.at - from);
      } else {
        f2Notifications.tiedToF0++;
        latest(lastF2ByF0, f0, n.at - from);
      }
    }
    const lastF1 = percentiles(lastF1ByF0.values());
    const lastF2 = percentiles(lastF2ByF0.values());
    // An F0 notified before its own confirmation (F0 are confirmed over time) counts as F0.
    const notF0 = (set: ReadonlySet<number>) =>
      new Set([...set].filter((x) => !this.f0Agents.has(x)));
    const result: LoadSummary = {
      phones: this.phones,
      f0: this.confirmed.size,
      f1: compare(expected.f1, notF0(this.f1), expected.trueF1),
      f2: compare(expected.f2, notF0(this.f2), expected.trueF2),
      uploads: { sent: this.sent, acknowledged: this.acked },
      f2Notifications,
      latencyMs: {
        notifyP50: each.getValueAtPercentile(50),
        notifyP99: each.getValueAtPercentile(99),
        lastF1P50: lastF1?.p50 ?? 0,
        lastF1P99: lastF1?.p99 ?? 0,
        lastF2P50: lastF2?.p50 ?? null,
        lastF2P99: lastF2?.p99 ?? null,
      },
      errors: this.errors,
      seconds,
    };
    each.destroy();
    return result;
  }
}

function histogram() {
  return hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000,
    numberOfSignificantValueDigits: 3,
  });
}

/** p50 and p99 of some milliseconds, null if there are none. */
function percentiles(values: Iterable<number>): { p50: number; p99: number } | null {
  const h = histogram();
  let n = 0;
  for (const ms of values) {
    h.recordValue(Math.max(1, ms));
    n++;
  }
  const r = n === 0 ? null : { p50: h.getValueAtPercentile(50), p99: h.getValueAtPercentile(99) };
  h.destroy();
  return r;
}
