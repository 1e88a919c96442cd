import type { IdScheme } from "@tracebed/protocol";
import { nodeCrypto } from "@tracebed/protocol/node";
import { type Engine, forEachSightingOfDay, grown, IdsAtTime } from "@tracebed/sim";
import { orderByKey } from "./radix.js";

/** Growable columns of sightings before they are frozen into PhoneLogs. */
class Columns {
  phone = new Uint32Array(1 << 16);
  time = new Uint32Array(1 << 16);
  rssi = new Float64Array(1 << 16);
  tx = new Int8Array(1 << 16);
  contact: Uint8Array;
  length = 0;

  constructor(private readonly idLength: number) {
    this.contact = new Uint8Array(idLength << 16);
  }

  push(phone: number, time: number, rssi: number, tx: number, id: Uint8Array): void {
    if (this.length === this.phone.length) this.grow();
    const i = this.length++;
    this.phone[i] = phone;
    this.time[i] = time;
    this.rssi[i] = rssi;
    this.tx[i] = tx;
    this.contact.set(id, i * id.length);
  }

  private grow(): void {
    const n = this.phone.length * 2;
    this.phone = grown(this.phone, n);
    this.time = grown(this.time, n);
    this.rssi = grown(this.rssi, n);
    this.tx = grown(this.tx, n);
    this.contact = grown(this.contact, n * this.idLength);
  }
}

/**
 * The logs of a fleet's phones, as columns: what each phone heard (contact ID, RSSI, tx power,
 * time). Indexed by phone (for uploads) and by contact ID (so a pushed key set is matched
 * against every phone's log in one lookup per pushed ID, the result being what each phone
 * would find by scanning its own log).
 */
export class PhoneLogs {
  /** Sightings of phone p: byPhone[start[p] .. start[p + 1]). */
  readonly start: Uint32Array;
  readonly byPhone: Uint32Array;
  /** Sightings ordered by the first 4 bytes of their contact ID, with those prefixes. */
  private readonly byId: Uint32Array;
  private readonly sortedPrefix: Uint32Array;

  private constructor(
    readonly phones: number,
    readonly idLength: number,
    private readonly c: Columns,
  ) {
    const n = c.length;
    const phone = c.phone.subarray(0, n);
    this.byPhone = orderByKey(phone);
    this.start = new Uint32Array(phones + 1);
    for (let i = 0; i < n; i++) this.start[phone[i]! + 1]! += 1;
    for (let p = 0; p < phones; p++) this.start[p + 1]! += this.start[p]!;
    const prefix = new Uint32Array(n);
    const view = new DataView(c.contact.buffer, c.contact.byteOffset);
    for (let i = 0; i < n; i++) prefix[i] = view.getUint32(i * idLength);
    this.byId = orderByKey(prefix);
    this.sortedPrefix = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.sortedPrefix[i] = prefix[this.byId[i]!]!;
  }

  /**
   * The logs of the phones `agents[p]` (p = phone index) over simulated days, keeping only
   * sightings by phones `keep(p)` says this process holds.
   */
  static build(
    engine: Engine,
    agents: Int32Array,
    phoneOfAgent: Int32Array,
    scheme: IdScheme,
    keep: (p: number) => boolean,
  ): PhoneLogs {
    const c = new Columns(scheme.idLength);
    const flags = new Uint8Array(engine.population.size);
    for (const a of agents) flags[a] = 1;
    const ids = new IdsAtTime(engine, scheme, nodeCrypto);
    for (let d = 0; d < engine.config.days; d++) {
      forEachSightingOfDay(engine, d, flags, (scanner, advertiser, t, rssi, tx) => {
        const p = phoneOfAgent[scanner]!;
        if (keep(p)) c.push(p, t, rssi, tx, ids.idAt(advertiser, t));
      });
    }
    return new PhoneLogs(agents.length, scheme.idLength, c);
  }

  get size(): number {
    return this.c.length;
  }

  /** Phone, time, RSSI, tx power and contact ID of sighting i. */
  entry(i: number) {
    const c = this.c;
    return {
      phone: c.phone[i]!,
      time: c.time[i]!,
      rssi: c.rssi[i]!,
      txPower: c.tx[i]!,
      contactId: c.contact.subarray(i * this.idLength, (i + 1) * this.idLength),
    };
  }

  /** Calls `hit(sighting)` for every sighting whose contact ID equals `id`. */
  forEachSightingOf(id: Uint8Array, hit: (sighting: number) => void): void {
    const key = new DataView(id.buffer, id.byteOffset).getUint32(0);
    let lo = 0;
    let hi = this.sortedPrefix.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sortedPrefix[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    const contact = this.c.contact;
    const n = this.idLength;
    for (let j = lo; j < this.sortedPrefix.length && this.sortedPrefix[j] === key; j++) {
      const i = this.byId[j]!;
      let same = true;
      for (let b = 4; b < n && same; b++) same = contact[i * n + b] === id[b];
      if (same) hit(i);
    }
  }
}
