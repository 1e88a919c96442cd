import { type Engine, forEachSightingOfDay, grown } from "@tracebed/sim";
import { orderByKey } from "../../radix.js";

/**
 * What the run's phones heard, as columns: scanner phone, advertiser phone, time, RSSI, tx
 * power; indexed by scanner. A phone logs the TempID its neighbour advertised at that time,
 * looked up when it uploads (FleetTempIds).
 */
export class FleetSightings {
  readonly start: Uint32Array;
  readonly order: Uint32Array;

  private constructor(
    phones: number,
    readonly scanner: Uint32Array,
    readonly advertiser: Uint32Array,
    readonly time: Uint32Array,
    readonly rssi: Float64Array,
    readonly tx: Int8Array,
  ) {
    this.order = orderByKey(scanner);
    this.start = new Uint32Array(phones + 1);
    for (let i = 0; i < scanner.length; i++) this.start[scanner[i]! + 1]! += 1;
    for (let p = 0; p < phones; p++) this.start[p + 1]! += this.start[p]!;
  }

  static build(engine: Engine, agents: Int32Array, phoneOfAgent: Int32Array): FleetSightings {
    let n = 0;
    let cap = 1 << 16;
    let scanner = new Uint32Array(cap);
    let advertiser = new Uint32Array(cap);
    let time = new Uint32Array(cap);
    let rssi = new Float64Array(cap);
    let tx = new Int8Array(cap);
    const flags = new Uint8Array(engine.population.size);
    for (const a of agents) flags[a] = 1;
    for (let d = 0; d < engine.config.days; d++) {
      forEachSightingOfDay(engine, d, flags, (s, a, t, r, x) => {
        if (n === cap) {
          cap *= 2;
          scanner = grown(scanner, cap);
          advertiser = grown(advertiser, cap);
          time = grown(time, cap);
          rssi = grown(rssi, cap);
          tx = grown(tx, cap);
        }
        scanner[n] = phoneOfAgent[s]!;
        advertiser[n] = phoneOfAgent[a]!;
        time[n] = t;
        rssi[n] = r;
        tx[n] = x;
        n++;
      });
    }
    return new FleetSightings(
      agents.length,
      scanner.subarray(0, n),
      advertiser.subarray(0, n),
      time.subarray(0, n),
      rssi.subarray(0, n),
      tx.subarray(0, n),
    );
  }

  /** The earliest sighting (unix s), or Infinity when nobody heard anyone. */
  earliest(): number {
    let t = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.time.length; i++) if (this.time[i]! < t) t = this.time[i]!;
    return t;
  }

  get size(): number {
    return this.scanner.length;
  }
}
