import { type KeyPush, keyPushSchema, parseMessage } from "@tracebed/protocol";
import type { PhoneLogs } from "./phone-logs.js";
import { phonesWithHits } from "./push-match.js";

export interface PushMatch {
  readonly indexId: string;
  /** This process's phones whose logs hold the pushed IDs. */
  readonly hits: ReadonlySet<number>;
}

/**
 * The phones each key push hits, worked out once per push for the whole process
 * when the push first reaches any of its phones; each phone then acts when the push reaches
 * it, as a real phone would, however far into the fan-out that is.
 */
export class PushMatches {
  private readonly bySeq = new Map<number, PushMatch>();

  constructor(
    private readonly logs: PhoneLogs,
    private readonly windowDays: number,
    private readonly mine: (phone: number) => boolean,
  ) {}

  /** One push of a frame as a phone got it; throws a one-line MessageError if invalid. */
  arrived(item: unknown): PushMatch {
    const seq = (item as { seq?: unknown } | null)?.seq;
    const known = typeof seq === "number" ? this.bySeq.get(seq) : undefined;
    if (known !== undefined) return known;
    const push: KeyPush = parseMessage(keyPushSchema, item);
    const hits = new Set<number>();
    for (const p of phonesWithHits(push, this.logs, this.windowDays)) if (this.mine(p)) hits.add(p);
    const match = { indexId: push.indexId, hits };
    this.bySeq.set(push.seq, match);
    return match;
  }
}
