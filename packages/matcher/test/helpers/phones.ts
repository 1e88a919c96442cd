// Hand-made Bluezone phones for the matcher's tests: real rolling IDs from real keys, logs
// written sighting by sighting, and the phone's side of the flow (match pushed keys locally).
import { randomBytes } from "node:crypto";
import {
  bluezone,
  buildIdTable,
  collectEvidence,
  type DailyKey,
  DEFAULT_DECISION_PARAMS,
  indexWindow,
  type KeyPush,
  type LogEntry,
  rssiAtDistance,
  SECONDS_PER_DAY,
  toHex,
} from "@tracebed/protocol";
import { nodeCrypto } from "@tracebed/protocol/node";

export const TX_POWER = -8;
export const SCAN_PERIOD = DEFAULT_DECISION_PARAMS.scanPeriodSeconds;

let serial = 0;

export class TestPhone {
  /** Set by the server when the phone registers (see register). */
  phoneId: string;
  /** The phone's credential, once registered. */
  secret = "";
  readonly baseId = new Uint8Array(randomBytes(32));
  readonly log: LogEntry[] = [];
  private readonly keyCache = new Map<number, Uint8Array>();

  /** A phone whose base ID starts on `baseDay` (UTC day); keys exist from then on. */
  constructor(
    readonly name: string,
    readonly baseDay: number,
  ) {
    this.phoneId = `phone-${name}-${++serial}-${randomBytes(4).toString("hex")}`;
  }

  /** Registers with a matcher (`POST /v1/phones`): the server issues its id and secret. */
  async register(url: string): Promise<this> {
    if (this.secret !== "") return this;
    const r = await fetch(`${url}/v1/phones`, { method: "POST" });
    if (r.status !== 201) throw new Error(`${this.name}: registration refused ${r.status}`);
    const { phoneId, secret } = (await r.json()) as { phoneId: string; secret: string };
    this.phoneId = phoneId;
    this.secret = secret;
    return this;
  }

  /** The phone's credential header. */
  get auth(): Record<string, string> {
    return { authorization: `Phone ${this.secret}` };
  }

  dailyKey(unixDay: number): Uint8Array {
    let k = this.keyCache.get(unixDay);
    if (k === undefined) {
      k = bluezone.dailyKey(this.baseId, unixDay - this.baseDay, nodeCrypto);
      this.keyCache.set(unixDay, k);
    }
    return k;
  }

  /** The ID broadcast at unix second t (its 15-minute slot of that UTC day). */
  idAt(t: number): string {
    const day = Math.floor(t / SECONDS_PER_DAY);
    const slot = Math.floor((t % SECONDS_PER_DAY) / bluezone.slotSeconds);
    return toHex(bluezone.ids(this.dailyKey(day), day, slot, 1, nodeCrypto));
  }

  /** Daily keys of the 14 UTC days up to `lastDay` (not before the base day). */
  keys(lastDay: number): DailyKey[] {
    const out: DailyKey[] = [];
    for (let d = Math.max(this.baseDay, lastDay - 13); d <= lastDay; d++) {
      out.push({ unixDay: d, key: toHex(this.dailyKey(d)) });
    }
    return out;
  }

  /**
   * Whether this phone's log holds an ID of the pushed index, in its slot and window (an F1's
   * from its windowStart: sightings before its exposure do not count).
   */
  hits(push: KeyPush): boolean {
    const table = buildIdTable(push.keys, bluezone, nodeCrypto);
    const window = indexWindow(
      push.windowEnd,
      DEFAULT_DECISION_PARAMS.windowDays,
      push.windowStart,
    );
    return collectEvidence(this.log, table, window, DEFAULT_DECISION_PARAMS, new Set()) > 0;
  }
}

/**
 * a and b see each other once per scan period for `periods` periods from `start` (unix s),
 * at `distance` metres: both logs get one sighting per period, as Bluezone's 40 s / 300 s
 * duty cycle would write it.
 */
export function meet(a: TestPhone, b: TestPhone, start: number, periods: number, distance: number) {
  const rssi = rssiAtDistance(distance, TX_POWER);
  for (let i = 0; i < periods; i++) {
    const t = start + i * SCAN_PERIOD + 17;
    a.log.push({ ownId: a.idAt(t), contactId: b.idAt(t), rssi, txPower: TX_POWER, timestamp: t });
    b.log.push({ ownId: b.idAt(t), contactId: a.idAt(t), rssi, txPower: TX_POWER, timestamp: t });
  }
}

/** UTC midnight `daysAgo` days before now, unix seconds. */
export function midnight(daysAgo: number, nowMs = Date.now()): number {
  return (Math.floor(nowMs / 1000 / SECONDS_PER_DAY) - daysAgo) * SECONDS_PER_DAY;
}

export function today(nowMs = Date.now()): number {
  return Math.floor(nowMs / 1000 / SECONDS_PER_DAY);
}

/** A fresh idempotency key (16–64 of A-Za-z0-9_-). */
export function idemKey(): string {
  return randomBytes(12).toString("base64url");
}
