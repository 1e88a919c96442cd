import type { MatcherStore } from "./common/types.js";
import { MemoryStore, type MemoryStoreHooks } from "./memory/memory.js";
import { RedisStore } from "./redis/redis.js";

export const DEFAULT_DATA_DIR = ".tracebed/data";

/** `memory`, or a `redis://` / `rediss://` URL: what `--store` accepts. */
export type StoreSpec = "memory" | `redis://${string}` | `rediss://${string}`;

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

interface StoreKind {
  /** Whether a `--store` value names this store. */
  names(spec: string): boolean;
  open(spec: string, options: OpenStoreOptions): Promise<MatcherStore>;
}

/** Every store the matcher can open: a new store is one line here (and its folder). */
const STORES: readonly StoreKind[] = [
  { names: (spec) => spec === "memory", open: (_, o) => openMemory(o) },
  { names: (spec) => /^rediss?:\/\//.test(spec) && isUrl(spec), open: openRedis },
];

export function isStoreSpec(value: string): value is StoreSpec {
  return STORES.some((s) => s.names(value));
}

export async function openStore(
  spec: StoreSpec,
  options: OpenStoreOptions = {},
): Promise<MatcherStore> {
  const kind = STORES.find((s) => s.names(spec));
  if (kind === undefined) throw new Error(`no store is named by ${JSON.stringify(spec)}`);
  return kind.open(spec, options);
}

function openMemory(o: OpenStoreOptions): Promise<MatcherStore> {
  return MemoryStore.open({
    dataDir: o.dataDir === undefined ? DEFAULT_DATA_DIR : o.dataDir,
    hooks: o.journalHooks,
    compactAfterBytes: o.compactAfterBytes,
  });
}

function openRedis(url: string, o: OpenStoreOptions): Promise<MatcherStore> {
  return RedisStore.open({
    url,
    ...(o.redisPrefix === undefined ? {} : { prefix: o.redisPrefix }),
    ...(o.onRedisError === undefined ? {} : { onError: o.onRedisError }),
  });
}

function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
