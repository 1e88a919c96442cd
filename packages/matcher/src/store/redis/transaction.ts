import { WatchError } from "redis";
import { StoreUnavailableError } from "../common/errors.js";
import type { Transition } from "../common/writes.js";
import { isConnectionLost, type RedisPool, unavailable } from "./connect.js";
import type { Keys } from "./layout.js";
import { commandsOf } from "./writes.js";

/** A connection of the pool, alone for the time of one transaction. */
export type Isolated = Parameters<Parameters<RedisPool["execute"]>[0]>[0];

/** Transactions that lose the race to another client this many times in a row give up. */
const MAX_ATTEMPTS = 100;

/**
 * Runs a shared transition as an optimistic transaction: `read` WATCHes the keys it reads
 * (pipelined with the reads), the transition computes its writes, and MULTI/EXEC applies them
 * unless a watched key changed meanwhile; then it runs again on what is there now.
 */
export async function transact<T>(
  pool: RedisPool,
  keys: Keys,
  step: (c: Isolated) => Promise<Transition<T>>,
): Promise<T> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const outcome = await guard(
      pool.execute(async (c) => {
        if (!c.isReady) throw unavailable();
        let t: Transition<T>;
        try {
          t = await step(c);
        } catch (err) {
          unwatch(c);
          throw err;
        }
        if (t.writes.length === 0) {
          unwatch(c);
          return { done: true as const, result: t.result };
        }
        const multi = c.multi();
        for (const w of t.writes)
          for (const command of commandsOf(keys, w)) multi.addCommand(command);
        try {
          await multi.exec();
        } catch (err) {
          if (err instanceof WatchError) return { done: false as const };
          throw err;
        }
        return { done: true as const, result: t.result };
      }),
    );
    if (outcome.done) return outcome.result;
  }
  throw new Error(`a store transaction lost ${MAX_ATTEMPTS} races in a row`);
}

/** Drops the connection's watches (queued before whatever the next transaction sends). */
function unwatch(c: Isolated): void {
  if (c.isReady) c.unwatch().catch(() => {});
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
