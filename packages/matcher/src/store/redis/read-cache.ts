import { Lru } from "../../lru.js";
import type { GuardKind } from "./apply-if.js";
import type { Command } from "./writes.js";

/** Reads kept at most; a value larger than this (a long log) is not kept. */
const ENTRIES = 4_096;
const MAX_BYTES = 16 * 1024;

/** One read of a transition: what it asked and what it used. */
export interface ReadUsed {
  readonly id: string;
  readonly kind: GuardKind;
  readonly key: string;
  readonly fields: readonly string[];
  readonly binary: boolean;
  readonly reply: unknown;
}

export function readId(kind: GuardKind, key: string, fields: readonly string[]): string {
  return fields.length === 0
    ? `${kind}\u0000${key}`
    : `${kind}\u0000${key}\u0000${fields.join("\u0000")}`;
}

/** What a read of something that is not there answers. */
export function absent(kind: GuardKind, fields: readonly string[]): unknown {
  if (kind === "S") return null;
  if (kind === "F") return fields.map(() => null);
  return [];
}

/**
 * What this process last knew each recent read to answer: the value a transition runs on
 * first, without asking Redis. It is a guess, never trusted: the apply-if script checks it
 * as it checks any read, and answers what is there now when it is wrong (another process
 * wrote meanwhile, or the entry was dropped). After a transaction applies, a value its own
 * writes set (SET, HSET) is kept as written; any other write to the key drops it.
 */
export class ReadCache {
  private readonly lru = new Lru<string, unknown>(ENTRIES);

  get(id: string): unknown {
    return this.lru.get(id);
  }

  /** A read as Redis answered it just now. */
  set(read: ReadUsed): void {
    if (Buffer.isBuffer(read.reply) && read.reply.length > MAX_BYTES) this.lru.delete(read.id);
    else this.lru.set(read.id, read.reply);
  }

  /** The transaction's reads were all as used, and then `commands` ran. */
  applied(reads: readonly ReadUsed[], commands: readonly Command[]): void {
    const touching = new Map<string, Command[]>();
    for (const c of commands) {
      if (c[0] === "EXPIREAT") continue;
      for (const key of c[0] === "DEL" ? c.slice(1) : [c[1]!]) {
        const k = String(key);
        const list = touching.get(k);
        if (list === undefined) touching.set(k, [c]);
        else list.push(c);
      }
    }
    const read = new Set<string>();
    for (const r of reads) {
      read.add(r.key);
      const cs = touching.get(r.key);
      const after = cs === undefined ? r.reply : written(r, cs);
      if (after === undefined) this.lru.delete(r.id);
      else this.set({ ...r, reply: after });
    }
    // A hash or string written without being read (a new index person, a phone's keys, a
    // phone's log): what it holds now is a guess from what was known and what was written.
    for (const [key, cs] of touching) {
      if (read.has(key)) continue;
      for (const kind of ["S", "H"] as const) {
        const id = readId(kind, key, []);
        const known = this.lru.get(id);
        const r: ReadUsed = {
          id,
          kind,
          key,
          fields: [],
          binary: false,
          reply: known === undefined ? absent(kind, []) : known,
        };
        const after = written(r, cs);
        if (after === undefined) this.lru.delete(id);
        else this.set({ ...r, reply: after });
      }
    }
  }
}

/** The read's value after `commands` wrote its key, or undefined if not known here. */
function written(r: ReadUsed, commands: readonly Command[]): unknown {
  if (r.kind === "S") {
    if (!commands.every((c) => c[0] === "SET")) return undefined;
    const v = commands[commands.length - 1]![2]!;
    return Buffer.isBuffer(v) ? Buffer.from(v) : v;
  }
  if (r.kind === "F") {
    if (!commands.every((c) => c[0] === "HSET")) return undefined;
    const out = [...(r.reply as (string | null)[])];
    for (const c of commands) {
      for (let i = 2; i + 1 < c.length; i += 2) {
        const at = r.fields.indexOf(String(c[i]));
        if (at >= 0) out[at] = String(c[i + 1]);
      }
    }
    return out;
  }
  if (r.kind === "H" || r.kind === "K") {
    // A small hash answers in the order its fields were first set (listpack); a large one
    // may not, and then the guess is wrong once (the script says what is there).
    if (!commands.every((c) => c[0] === "HSET")) return undefined;
    const step = r.kind === "H" ? 2 : 1;
    const out = [...(r.reply as string[])];
    for (const c of commands) {
      for (let i = 2; i + 1 < c.length; i += 2) {
        const field = String(c[i]);
        let at = -1;
        for (let j = 0; j < out.length; j += step) if (out[j] === field) at = j;
        if (at < 0) out.push(...(r.kind === "H" ? [field, String(c[i + 1])] : [field]));
        else if (r.kind === "H") out[at + 1] = String(c[i + 1]);
      }
    }
    return out;
  }
  return undefined;
}
