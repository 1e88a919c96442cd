import type { CryptoPrimitives, IdScheme } from "@tracebed/protocol";
import { type Engine, grown, phoneDayIds } from "../../core/index.js";

/**
 * The IDs phones broadcast on one UTC day, kept as columns: each phone's whole day (every
 * slot) is derived once, the first time it is asked for, into one shared byte array indexed
 * by agent. The derivation of DayIds (phoneDayIds), without an object per phone or per
 * lookup.
 */
export class DayIdTable {
  /** The phones' IDs asked for so far, a day (all slots) after another; see offsetOf. */
  bytes = new Uint8Array(0);
  // Where each agent's day starts in `bytes`; -1 until asked for.
  private readonly start: Int32Array;
  private used = 0;
  private readonly dayBytes: number;

  constructor(
    private readonly engine: Engine,
    readonly unixDay: number,
    private readonly scheme: IdScheme,
    private readonly crypto?: CryptoPrimitives,
  ) {
    this.dayBytes = scheme.slotsPerDay * scheme.idLength;
    this.start = new Int32Array(engine.population.size).fill(-1);
  }

  /** Offset in `bytes` of the ID `agent` broadcasts in `slot` (may grow `bytes`). */
  offsetOf(agent: number, slot: number): number {
    let s = this.start[agent]!;
    if (s < 0) s = this.derive(agent);
    return s + slot * this.scheme.idLength;
  }

  private derive(agent: number): number {
    const ids = phoneDayIds(this.engine, agent, this.unixDay, this.scheme, this.crypto);
    if (this.used + this.dayBytes > this.bytes.length) {
      this.bytes = grown(this.bytes, Math.max(2 * this.bytes.length, 64 * this.dayBytes));
    }
    const s = this.used;
    this.bytes.set(ids, s);
    this.used += this.dayBytes;
    this.start[agent] = s;
    return s;
  }
}

/**
 * The table of the UTC day a moment falls in, like IdsAtTime: keeps the two most recent days
 * asked for, which is all a day-by-day pass in time order needs.
 */
export class DayIdTables {
  private recent: DayIdTable[] = [];

  constructor(
    private readonly engine: Engine,
    readonly scheme: IdScheme,
    private readonly crypto?: CryptoPrimitives,
  ) {}

  dayOf(unixSeconds: number): DayIdTable {
    const day = Math.floor(unixSeconds / 86_400);
    const r = this.recent;
    if (r[0]?.unixDay === day) return r[0];
    if (r[1]?.unixDay === day) return r[1];
    const table = new DayIdTable(this.engine, day, this.scheme, this.crypto);
    this.recent = [table, ...r.slice(0, 1)];
    return table;
  }

  /** The slot of its UTC day `unixSeconds` falls in. */
  slotOf(unixSeconds: number, table: DayIdTable): number {
    return Math.floor((unixSeconds - table.unixDay * 86_400) / this.scheme.slotSeconds);
  }
}
