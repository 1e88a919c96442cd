import { RESP_TYPES } from "redis";
import { StoreUnavailableError } from "../common/errors.js";
import type { Transition } from "../common/writes.js";
import { APPLY_IF_SCRIPT, APPLY_IF_SHA, applyIfArgs, type Guard, guardOf } from "./apply-if.js";
import { isConnectionLost, type RedisClient, unavailable } from "./connect.js";
import type { Keys } from "./layout.js";
import { absent, type ReadCache, type ReadUsed, readId } from "./read-cache.js";
import { commandsOf } from "./writes.js";

export { ReadCache } from "./read-cache.js";

/** Transactions that lose the race to another client this many times in a row give up. */
const MAX_ATTEMPTS = 100;

/** Bulk strings as Buffers: a stored log is binary. */
const BINARY = { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } };

/**
 * What a transition reads, each read kept as a guard: the writes apply only if every read is
 * unchanged. A read is answered, first from what Redis said at the last attempt (`fresh`),
 * then, when guessing, from the process's cache (read-cache.ts) or as "not there" — no round
 * trip; the apply-if script then checks the guess. Otherwise it is asked of Redis on the
 * store's shared connection (pipelined with every other request).
 */
export class Reader {
  readonly guards: Guard[] = [];
  readonly reads: ReadUsed[] = [];
  /** Whether any read was a guess rather than what Redis said during this transaction. */
  guessed = false;

  constructor(
    private readonly client: RedisClient,
    private readonly cache: ReadCache,
    private readonly fresh: ReadonlyMap<string, unknown>,
    private readonly guessing: boolean,
  ) {}

  private async read<T>(
    command: string[],
    kind: Guard["kind"],
    key: string,
    fields: readonly string[] = [],
    binary = false,
  ): Promise<T> {
    const id = readId(kind, key, fields);
    let reply: unknown;
    if (this.fresh.has(id)) reply = this.fresh.get(id);
    else if (this.guessing) {
      reply = this.cache.get(key, id);
      if (reply === undefined) reply = absent(kind, fields);
      else if (binary && typeof reply === "string") reply = Buffer.from(reply);
      else if (!binary && Buffer.isBuffer(reply)) reply = reply.toString();
      this.guessed = true;
    } else {
      reply = await this.client.sendCommand<T>(command, binary ? BINARY : undefined);
    }
    this.guards.push(guardOf(kind, key, reply, fields));
    this.reads.push({ id, kind, key, fields, binary, reply });
    return reply as T;
  }

  get(key: string): Promise<string | null> {
    return this.read(["GET", key], "S", key);
  }

  getBuffer(key: string): Promise<Buffer | null> {
    return this.read(["GET", key], "S", key, [], true);
  }

  /** A hash as Redis sends it: field, value, field, value… (layout.ts `asHash` reads it). */
  hGetAll(key: string): Promise<string[]> {
    return this.read(["HGETALL", key], "H", key);
  }

  hmGet(key: string, fields: readonly string[]): Promise<(string | null)[]> {
    return this.read(["HMGET", key, ...fields], "F", key, fields);
  }

  async hGet(key: string, field: string): Promise<string | null> {
    return (await this.hmGet(key, [field]))[0] ?? null;
  }

  hKeys(key: string): Promise<string[]> {
    return this.read(["HKEYS", key], "K", key);
  }

  sMembers(key: string): Promise<string[]> {
    return this.read(["SMEMBERS", key], "M", key);
  }

  lRange(key: string): Promise<string[]> {
    return this.read(["LRANGE", key, "0", "-1"], "L", key);
  }
}

/**
 * Runs a shared transition as an optimistic transaction: `step` reads through a Reader, the
 * transition computes its writes, and the apply-if script (apply-if.ts) applies them unless a
 * read changed meanwhile; then it runs again on what the script said is there now. The first
 * attempt runs on guesses (the cache, or "not there": a new upload's keys are not there), so
 * the common case is one script call and one round trip; a transition that writes nothing
 * answers only once Redis confirmed what it read.
 */
export async function transact<T>(
  client: RedisClient,
  keys: Keys,
  cache: ReadCache,
  step: (r: Reader) => Promise<Transition<T>>,
): Promise<T> {
  let fresh: ReadonlyMap<string, unknown> = NOTHING_FRESH;
  let guessing = true;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (!client.isReady) throw unavailable();
    const reader = new Reader(client, cache, fresh, guessing);
    let t: Transition<T>;
    try {
      t = await guard(step(reader));
    } catch (err) {
      // A transition may refuse a state no store holds (guesses of two keys out of step):
      // run it again on reads.
      if (!reader.guessed || err instanceof StoreUnavailableError) throw err;
      guessing = false;
      fresh = NOTHING_FRESH;
      continue;
    }
    if (t.writes.length === 0 && !reader.guessed) return t.result;
    const commands = t.writes.flatMap((w) => commandsOf(keys, w));
    const reply = await guard(applyIf(client, applyIfArgs(reader.guards, commands)));
    if (reply === 1) {
      cache.applied(reader.reads, commands);
      return t.result;
    }
    fresh = nowRead(reader.reads, reply as unknown[], cache);
  }
  throw new Error(`a store transaction lost ${MAX_ATTEMPTS} races in a row`);
}

const NOTHING_FRESH: ReadonlyMap<string, unknown> = new Map();

/** The script's answer to a changed read: what each read gives now, as its command answers. */
function nowRead(
  reads: readonly ReadUsed[],
  reply: unknown[],
  cache: ReadCache,
): Map<string, unknown> {
  const fresh = new Map<string, unknown>();
  for (const [i, r] of reads.entries()) {
    const v = reply[i + 1] as Buffer | null | (Buffer | null)[];
    const now: ReadUsed = {
      ...r,
      reply: Array.isArray(v)
        ? v.map((x) => (x === null ? null : x.toString()))
        : v === null || r.binary
          ? v
          : v.toString(),
    };
    fresh.set(r.id, now.reply);
    cache.set(now);
  }
  return fresh;
}

/**
 * The script by its SHA-1, loaded first if Redis does not hold it (a new or restarted Redis):
 * 1 when applied, else [0, what each read gives now] (bulk strings as Buffers).
 */
async function applyIf(client: RedisClient, argv: (string | Buffer)[]): Promise<unknown> {
  try {
    return await client.sendCommand(["EVALSHA", APPLY_IF_SHA, "0", ...argv], BINARY);
  } catch (err) {
    if (!(err instanceof Error && err.message.startsWith("NOSCRIPT"))) throw err;
    return await client.sendCommand(["EVAL", APPLY_IF_SCRIPT, "0", ...argv], BINARY);
  }
}

/** The answer, or StoreUnavailableError if Redis is away or went away under it. */
export async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof StoreUnavailableError || isConnectionLost(err)) throw unavailable();
    throw err;
  }
}
