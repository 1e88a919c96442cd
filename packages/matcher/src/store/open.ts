import { MemoryStore, type MemoryStoreHooks } from "./memory/memory.js";
import { RedisStore } from "./redis/redis.js";
import type { MatcherStore } from "./shared/types.js";

export const DEFAULT_DATA_DIR = ".tracebed/data";

/** `memory`, or a `redis://` / `rediss://` URL: what `--store` accepts. */
export type StoreSpec = "memory" | `redis://${string}` | `rediss://${string}`;

export function isStoreSpec(value: string): value is StoreSpec {
  if (value === "memory") return true;
  if (!/^rediss?:\/\//.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export interface OpenStoreOptions {
  /** Memory store: the snapshot's and journals' directory; null = none (nothing survives a restart). */
  readonly dataDir?: string | null;
  /** Redis store: prefix of every key. */
  readonly redisPrefix?: string;
  readonly onRedisError?: (err: Error) => void;
  /** Memory store: flushes, compactions, warnings. */
  readonly journalHooks?: MemoryStoreHooks;
  /** Memory store: see MemoryStoreOptions.compactAfterBytes. */
  readonly compactAfterBytes?: number;
}

export async function openStore(
  spec: StoreSpec,
  options: OpenStoreOptions = {},
): Promise<MatcherStore> {
  if (spec === "memory") {
    const dataDir = options.dataDir === undefined ? DEFAULT_DATA_DIR : options.dataDir;
    return MemoryStore.open({
      dataDir,
      hooks: options.journalHooks,
      compactAfterBytes: options.compactAfterBytes,
    });
  }
  return RedisStore.open({
    url: spec,
    ...(options.redisPrefix === undefined ? {} : { prefix: options.redisPrefix }),
    ...(options.onRedisError === undefined ? {} : { onError: options.onRedisError }),
  });
}
