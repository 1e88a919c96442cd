import { type CryptoPrimitives, getIdScheme, type IdScheme } from "@tracebed/protocol";
import { dayStartSeconds } from "./contacts.js";
import type { Engine } from "./engine.js";
import { NEVER } from "./population/population.js";
import { hash2 } from "./rng.js";

/** A phone's name on the wire: stable for the agent within a run. */
export function phoneIdOf(agent: number): string {
  return `phone-${String(agent).padStart(9, "0")}`;
}

/** The phone's secret root key (Bluezone base ID, 32 bytes), derived from the run's seed. */
export function phoneRootKey(engine: Engine, agent: number, length = 32): Uint8Array {
  const seed = engine.seeds.stream("phone-keys");
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 4) {
    const h = hash2(hash2(seed, agent), i);
    out[i] = h & 0xff;
    out[i + 1] = (h >>> 8) & 0xff;
    out[i + 2] = (h >>> 16) & 0xff;
    out[i + 3] = h >>> 24;
  }
  return out;
}

/** UTC day of the phone's root key: the UTC day its install day starts in (-1: no phone). */
export function phoneKeyDay(engine: Engine, agent: number): number {
  const d = engine.population.installDay[agent]!;
  return d === NEVER ? -1 : Math.floor(dayStartSeconds(engine.config, d) / 86_400);
}

/** The phone's daily keys from its install day up to and including `lastUnixDay`. */
export function phoneDailyKeys(
  engine: Engine,
  agent: number,
  lastUnixDay: number,
  scheme: IdScheme = getIdScheme("bluezone"),
  crypto?: CryptoPrimitives,
): { unixDay: number; key: Uint8Array }[] {
  const first = phoneKeyDay(engine, agent);
  if (first < 0) return [];
  const root = phoneRootKey(engine, agent, scheme.keyLength);
  const out: { unixDay: number; key: Uint8Array }[] = [];
  for (let d = first; d <= lastUnixDay; d++)
    out.push({ unixDay: d, key: scheme.dailyKey(root, d - first, crypto) });
  return out;
}

/** Every ID the phone broadcasts on one UTC day, slot after slot (slotsPerDay × idLength bytes). */
export function phoneDayIds(
  engine: Engine,
  agent: number,
  unixDay: number,
  scheme: IdScheme = getIdScheme("bluezone"),
  crypto?: CryptoPrimitives,
): Uint8Array {
  const root = phoneRootKey(engine, agent, scheme.keyLength);
  const key = scheme.dailyKey(root, unixDay - phoneKeyDay(engine, agent), crypto);
  return scheme.ids(key, unixDay, 0, scheme.slotsPerDay, crypto);
}

/** Broadcast IDs of phones on one UTC day, computed once per phone and kept for the day. */
export class DayIds {
  private readonly byAgent = new Map<number, Uint8Array>();

  constructor(
    private readonly engine: Engine,
    readonly unixDay: number,
    private readonly scheme: IdScheme = getIdScheme("bluezone"),
    private readonly crypto?: CryptoPrimitives,
  ) {}

  /** The ID `agent` broadcasts in `slot` of the day (a view into the day's table). */
  idOf(agent: number, slot: number): Uint8Array {
    let ids = this.byAgent.get(agent);
    if (!ids) {
      ids = phoneDayIds(this.engine, agent, this.unixDay, this.scheme, this.crypto);
      this.byAgent.set(agent, ids);
    }
    const n = this.scheme.idLength;
    return ids.subarray(slot * n, slot * n + n);
  }
}

/**
 * The ID a phone broadcast at a moment (its slot on that UTC day). Keeps the tables of the
 * two most recent days asked for, which is all a day-by-day pass needs.
 */
export class IdsAtTime {
  private recent: DayIds[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly scheme: IdScheme = getIdScheme("bluezone"),
    private readonly crypto?: CryptoPrimitives,
  ) {}

  idAt(agent: number, unixSeconds: number): Uint8Array {
    const day = Math.floor(unixSeconds / 86_400);
    let ids = this.recent.find((d) => d.unixDay === day);
    if (!ids) {
      ids = new DayIds(this.engine, day, this.scheme, this.crypto);
      this.recent = [ids, ...this.recent.slice(0, 1)];
    }
    return ids.idOf(agent, Math.floor((unixSeconds - day * 86_400) / this.scheme.slotSeconds));
  }
}
