import hdr from "hdr-histogram-js";
import type { FleetEvent } from "./events.js";

export interface SetComparison {
  /** The oracle's app-notified set for the same run (detected ∪ false positives). */
  expected: number;
  notified: number;
  missing: number;
  extra: number;
}

export interface LoadSummary {
  phones: number;
  f0: number;
  f1: SetComparison;
  f2: SetComparison;
  uploads: { sent: number; acknowledged: number };
  latencyMs: {
    /** Each F1 notification: its F0 confirmed → the phone notified. */
    notifyP50: number;
    notifyP99: number;
    /** Per F0: confirmed → the last of its F1 notified. */
    lastF1P50: number;
    lastF1P99: number;
  };
  errors: string[];
  seconds: number;
}

const compare = (expected: ReadonlySet<number>, notified: ReadonlySet<number>): SetComparison => ({
  expected: expected.size,
  notified: notified.size,
  missing: [...expected].filter((x) => !notified.has(x)).length,
  extra: [...notified].filter((x) => !expected.has(x)).length,
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

  build(
    expected: { f1: ReadonlySet<number>; f2: ReadonlySet<number> },
    seconds: number,
  ): LoadSummary {
    const each = hdr.build({
      lowestDiscernibleValue: 1,
      highestTrackableValue: 3_600_000,
      numberOfSignificantValueDigits: 3,
    });
    const last = hdr.build({
      lowestDiscernibleValue: 1,
      highestTrackableValue: 3_600_000,
      numberOfSignificantValueDigits: 3,
    });
    const lastByF0 = new Map<string, number>();
    for (const n of this.notifications) {
      const from = this.confirmed.get(n.indexId);
      if (n.role === "F1" && from !== undefined) {
        each.recordValue(Math.max(1, n.at - from));
        lastByF0.set(n.indexId, Math.max(lastByF0.get(n.indexId) ?? 0, n.at - from));
      }
    }
    for (const ms of lastByF0.values()) last.recordValue(Math.max(1, ms));
    // An F0 notified before its own confirmation (F0 are confirmed over time) counts as F0.
    const notF0 = (set: ReadonlySet<number>) =>
      new Set([...set].filter((x) => !this.f0Agents.has(x)));
    const result: LoadSummary = {
      phones: this.phones,
      f0: this.confirmed.size,
      f1: compare(expected.f1, notF0(this.f1)),
      f2: compare(expected.f2, notF0(this.f2)),
      uploads: { sent: this.sent, acknowledged: this.acked },
      latencyMs: {
        notifyP50: each.getValueAtPercentile(50),
        notifyP99: each.getValueAtPercentile(99),
        lastF1P50: last.getValueAtPercentile(50),
        lastF1P99: last.getValueAtPercentile(99),
      },
      errors: this.errors,
      seconds,
    };
    each.destroy();
    last.destroy();
    return result;
  }
}
