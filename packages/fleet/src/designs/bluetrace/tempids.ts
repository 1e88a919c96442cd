import { bluetrace } from "@tracebed/protocol";
import { postJson } from "../../http.js";
import { Limiter } from "../../limiter.js";

const PERIOD = bluetrace.TEMPID_VALIDITY_SECONDS;
const BATCH = bluetrace.TEMPID_BATCH_SIZE;
/** A batch spans this long (100 × 15 min). */
const BATCH_SECONDS = BATCH * PERIOD;

/**
 * Every phone's TempIDs over a run, as the server issued them: phone p advertises, at time t,
 * the TempID of period floor((t − first) / 900), stored as its 61 decoded bytes (the base64
 * is made again when a log is uploaded).
 */
export class FleetTempIds {
  private constructor(
    /** Start of the first TempID's validity (the first batch's `from` − 60 s). */
    private readonly first: number,
    private readonly periods: number,
    private readonly bytes: Uint8Array,
  ) {}

  /**
   * Each phone fetches the batches that cover [from, to) (POST /v1/bluetrace/tempids, `from`
   * back in the run: the fleet replays days gone by), at most `concurrency` requests at once.
   */
  static async fetch(
    phones: readonly number[],
    count: number,
    urlOf: (p: number) => string,
    bodyOf: (p: number) => { phoneId: string; auth: Record<string, string> },
    window: { start: number; end: number },
    concurrency: number,
  ): Promise<FleetTempIds> {
    const from = window.start + bluetrace.TEMPID_EARLY_SECONDS;
    const batches = Math.ceil((window.end - window.start) / BATCH_SECONDS);
    const periods = batches * BATCH;
    const bytes = new Uint8Array(count * periods * bluetrace.TEMPID_BYTES);
    const ids = new FleetTempIds(window.start, periods, bytes);
    const limiter = new Limiter(concurrency);
    await Promise.all(
      phones.flatMap((p) =>
        Array.from({ length: batches }, (_, b) =>
          limiter.run(async () => {
            const { phoneId, auth } = bodyOf(p);
            const batch = await postJson<bluetrace.TempIdBatch>(
              urlOf(p),
              "/v1/bluetrace/tempids",
              { phoneId, from: from + b * BATCH_SECONDS },
              auth,
              3,
            );
            for (const [i, t] of batch.tempIDs.entries()) ids.set(p, b * BATCH + i, t);
          }),
        ),
      ),
    );
    return ids;
  }

  private set(p: number, period: number, t: bluetrace.IssuedTempId): void {
    const start = this.first + period * PERIOD;
    if (t.startTime !== start || t.expiryTime !== start + PERIOD) {
      throw new Error(`TempID of phone ${p}: valid ${t.startTime}–${t.expiryTime}, not ${start}–`);
    }
    const raw = bluetrace.fromBase64(t.tempID);
    if (raw === null || raw.length !== bluetrace.TEMPID_BYTES) throw new Error("not a TempID");
    this.bytes.set(raw, (p * this.periods + period) * bluetrace.TEMPID_BYTES);
  }

  /** The TempID phone p advertises at t (unix s). */
  at(p: number, t: number): string {
    const period = Math.floor((t - this.first) / PERIOD);
    if (period < 0 || period >= this.periods) throw new RangeError(`no TempID at ${t}`);
    const at = (p * this.periods + period) * bluetrace.TEMPID_BYTES;
    return bluetrace.toBase64(this.bytes.subarray(at, at + bluetrace.TEMPID_BYTES));
  }
}
