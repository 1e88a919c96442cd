import { Lru } from "../../lru.js";
import type { GuardKind } from "./apply-if.js";
import type { Command } from "./writes.js";

/** Redis keys whose reads are kept at most; a value larger than this (a long log) is not kept. */
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
  /** Per Redis key, its reads (by readId) as last known. */
  private readonly lru = new Lru<string, Map<string, ReadUsed>>(ENTRIES);

  get(key: string, id: string): unknown {
    return this.lru.get(key)?.get(id)?.reply;
  }

  /** A read as Redis answered it just now. */
  set(read: ReadUsed): void {
    const reads = this.lru.get(read.key) ?? new Map<string, ReadUsed>();
    keep(reads, read.id, read);
    if (reads.size === 0) this.lru.delete(read.key);
    else this.lru.set(read.key, reads);
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
      this.set(r);
    }
    // Every known read of a key written follows the write, or is dropped. A hash or string
    // written without being read (a new index person, a phone's keys, a phone's log) is
    // guessed from what was known and what was written.
    for (const [key, cs] of touching) {
      const known = this.lru.get(key) ?? new Map<string, ReadUsed>();
      if (!read.has(key)) {
        for (const kind of ["S", "H"] as const) {
          const id = readId(kind, key, []);
          if (!known.has(id)) {
            known.set(id, { id, kind, key, fields: [], binary: false, reply: absent(kind, []) });
          }
        }
      }
      for (const [id, r] of known) keep(known, id, { ...r, reply: written(r, cs) });
      if (known.size === 0) this.lru.delete(key);
      else this.lru.set(key, known);
    }
  }
}

/** Keeps a read's value, or forgets it if not known (undefined) or too large to keep. */
function keep(reads: Map<string, ReadUsed>, id: string, r: ReadUsed): void {
  if (r.reply === undefined || (Buffer.isBuffer(r.reply) && r.reply.length > MAX_BYTES)) {
    reads.delete(id);
  } else {
    reads.set(id, r);
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
