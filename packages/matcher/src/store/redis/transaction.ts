import { RESP_TYPES } from "redis";
import { StoreUnavailableError } from "../common/errors.js";
import type { Transition } from "../common/writes.js";
import { APPLY_IF_SCRIPT, APPLY_IF_SHA, applyIfArgs, type Guard, guardOf } from "./apply-if.js";
import { isConnectionLost, type RedisClient, unavailable } from "./connect.js";
import type { Keys } from "./layout.js";
import { commandsOf } from "./writes.js";

/** Transactions that lose the race to another client this many times in a row give up. */
const MAX_ATTEMPTS = 100;

/** Bulk strings as Buffers: a stored log is binary. */
const BINARY = { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } };

/**
 * What a transition reads, on the store's shared connection (pipelined with every other
 * request), each read kept as a guard: the writes apply only if every read is unchanged.
 */
export class Reader {
  readonly guards: Guard[] = [];

  constructor(private readonly client: RedisClient) {}

  private async read<T>(
    command: string[],
    kind: Guard["kind"],
    key: string,
    fields: readonly string[] = [],
    binary = false,
  ): Promise<T> {
    const reply = await this.client.sendCommand<T>(command, binary ? BINARY : undefined);
    this.guards.push(guardOf(kind, key, reply, fields));
    return reply;
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
 * read changed meanwhile; then it runs again on what is there now.
 */
export async function transact<T>(
  client: RedisClient,
  keys: Keys,
  step: (r: Reader) => Promise<Transition<T>>,
): Promise<T> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (!client.isReady) throw unavailable();
    const reader = new Reader(client);
    const t = await guard(step(reader));
    if (t.writes.length === 0) return t.result;
    const commands = t.writes.flatMap((w) => commandsOf(keys, w));
    if (await guard(applyIf(client, applyIfArgs(reader.guards, commands)))) return t.result;
  }
  throw new Error(`a store transaction lost ${MAX_ATTEMPTS} races in a row`);
}

/** The script by its SHA-1, loaded first if Redis does not hold it (a new or restarted Redis). */
async function applyIf(client: RedisClient, argv: (string | Buffer)[]): Promise<boolean> {
  try {
    return (await client.sendCommand<number>(["EVALSHA", APPLY_IF_SHA, "0", ...argv])) === 1;
  } catch (err) {
    if (!(err instanceof Error && err.message.startsWith("NOSCRIPT"))) throw err;
    return (await client.sendCommand<number>(["EVAL", APPLY_IF_SCRIPT, "0", ...argv])) === 1;
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
