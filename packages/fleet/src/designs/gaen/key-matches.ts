import {
  type GaenExposureConfig,
  gaenAttenuationDb,
  gaenKeyNotifies,
  gaenRpis,
  toHex,
} from "@tracebed/protocol";
import type { ExportKey } from "@tracebed/protocol/gaen";
import { nodeCrypto } from "@tracebed/protocol/node";
import type { PhoneLogs } from "../../phone-logs.js";

/**
 * What this process's phones find in a published key: each key's RPIs are derived once per
 * process (not once per phone) and looked up in the logs' index by ID, which gives what every
 * phone would find scanning its own log; each phone then decides on its own scans.
 */
export class KeyMatches {
  private readonly done = new Set<string>();
  /** RPIs derived (16-byte AES blocks): the process's crypto work. */
  rpisDerived = 0;

  constructor(
    private readonly logs: PhoneLogs,
    private readonly scanMinutes: number,
    private readonly exposure: GaenExposureConfig,
  ) {}

  /** The phones a key notifies (each phone's scans of the key's RPIs pass the rule). */
  phonesNotifiedBy(key: ExportKey): number[] {
    const hex = toHex(key.keyData);
    if (this.done.has(hex)) return [];
    this.done.add(hex);
    const rpis = gaenRpis(
      key.keyData,
      key.rollingStartIntervalNumber,
      key.rollingPeriod,
      nodeCrypto,
    );
    this.rpisDerived += key.rollingPeriod;
    const byPhone = new Map<number, number[]>();
    for (let i = 0; i < key.rollingPeriod; i++) {
      this.logs.forEachSightingOf(rpis.subarray(i * 16, i * 16 + 16), (s) => {
        const e = this.logs.entry(s);
        const list = byPhone.get(e.phone);
        const a = gaenAttenuationDb(e.txPower, e.rssi);
        if (list === undefined) byPhone.set(e.phone, [a]);
        else list.push(a);
      });
    }
    const out: number[] = [];
    for (const [phone, attenuations] of byPhone) {
      if (gaenKeyNotifies(attenuations, this.scanMinutes, this.exposure)) out.push(phone);
    }
    return out.sort((a, b) => a - b);
  }
}
