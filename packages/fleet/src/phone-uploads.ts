import {
  getIdScheme,
  type KeyUpload,
  type LogUpload,
  type TimeWindow,
  toHex,
  type UploadBasis,
} from "@tracebed/protocol";
import { nodeCrypto } from "@tracebed/protocol/node";
import { type Engine, IdsAtTime, phoneDailyKeys } from "@tracebed/sim";
import type { PhoneLogs } from "./phone-logs.js";

const SECONDS_PER_DAY = 86_400;

/** A phone's uploads, as the app builds them: its keys and its log over the 14-day window. */
export class PhoneUploads {
  private readonly scheme = getIdScheme("bluezone");

  constructor(
    private readonly engine: Engine,
    private readonly logs: PhoneLogs,
    private readonly agents: Int32Array,
    private readonly window: TimeWindow,
    private readonly phoneIdOf: (agent: number) => string,
  ) {}

  keys(phone: number, basis: UploadBasis, idempotencyKey: string): KeyUpload {
    const agent = this.agents[phone]!;
    const firstDay = Math.floor(this.window.start / SECONDS_PER_DAY);
    const lastDay = Math.floor((this.window.end - 1) / SECONDS_PER_DAY);
    const keys = phoneDailyKeys(this.engine, agent, lastDay, this.scheme, nodeCrypto)
      .filter((k) => k.unixDay >= firstDay)
      .map((k) => ({ unixDay: k.unixDay, key: toHex(k.key) }));
    return { idempotencyKey, phoneId: this.phoneIdOf(agent), scheme: "bluezone", basis, keys };
  }

  log(phone: number, basis: UploadBasis, idempotencyKey: string): LogUpload {
    const agent = this.agents[phone]!;
    const own = new IdsAtTime(this.engine, this.scheme, nodeCrypto);
    const ownId = (t: number) => toHex(own.idAt(agent, t));
    const log: LogUpload["log"] = [];
    for (let j = this.logs.start[phone]!; j < this.logs.start[phone + 1]!; j++) {
      const e = this.logs.entry(this.logs.byPhone[j]!);
      if (e.time < this.window.start || e.time >= this.window.end) continue;
      log.push({
        ownId: ownId(e.time),
        contactId: toHex(e.contactId),
        rssi: e.rssi,
        txPower: e.txPower,
        timestamp: e.time,
      });
    }
    return { idempotencyKey, phoneId: this.phoneIdOf(agent), scheme: "bluezone", basis, log };
  }
}
