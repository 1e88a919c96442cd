import { basename } from "node:path";
import type { Logger } from "pino";
import type { Metrics } from "../metrics.js";
import type { Resolved } from "../options.js";
import type { MatcherStore } from "../store/common/types.js";
import type { MemoryStoreHooks } from "../store/memory/memory.js";
import { openStore } from "../store/open.js";

export interface OpenedStore {
  readonly store: MatcherStore;
  /** Opened here from a spec (closed with the matcher), not handed in by the caller. */
  readonly owned: boolean;
}

/**
 * The matcher's store: the one handed in, or the one its spec names, opened with the memory
 * store's journal reported to metrics and the log. Its seams are taken up here (the server
 * never asks which store it has): storage figures for /metrics.
 */
export async function openMatcherStore(
  o: Resolved,
  metrics: Metrics,
  logger: Logger,
): Promise<OpenedStore> {
  const opened: OpenedStore =
    typeof o.store === "string"
      ? {
          store: await openStore(o.store, {
            dataDir: o.dataDir,
            redisPrefix: o.redisPrefix,
            onRedisError: (err) => logger.warn({ err }, "redis connection error"),
            compactAfterBytes: o.compactAfterBytes,
            journalHooks: journalHooks(o, metrics, logger),
          }),
          owned: true,
        }
      : { store: o.store, owned: false };
  const figures = opened.store.storageFigures;
  if (figures !== undefined) metrics.observeStorage(figures);
  return opened;
}

/** Warns once at start if the store says acknowledged writes could be lost. */
export async function warnOnDurability(store: MatcherStore, o: Resolved): Promise<void> {
  const warning = await store.durabilityWarning?.();
  if (warning) o.warn(`warning: ${warning}`);
}

function journalHooks(o: Resolved, metrics: Metrics, logger: Logger): MemoryStoreHooks {
  return {
    onFlush: (records, seconds) => {
      metrics.journalBatch.observe(records);
      metrics.journalFlushes.observe(seconds);
    },
    onCompacted: (r) => {
      metrics.compactions.inc({ outcome: "ok" });
      metrics.compactionDuration.observe(r.seconds);
      const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
      logger.info(
        {
          generation: r.generation,
          snapshotBytes: r.snapshotBytes,
          records: r.records,
          journalBytes: r.journalBytes,
          removed: r.removed,
          seconds: r.seconds,
        },
        `store compacted: ${mb(r.journalBytes)} MiB of journal into ${basename(r.snapshotPath)} (${mb(r.snapshotBytes)} MiB, ${r.records} records) in ${r.seconds.toFixed(2)} s`,
      );
      if (r.warning !== null) logger.warn(`store compaction: ${r.warning}`);
    },
    onCompactionFailed: (err) => {
      metrics.compactions.inc({ outcome: "failed" });
      logger.error(
        { err },
        "store compaction failed: the previous snapshot and journals stay in use",
      );
    },
    onWarning: (line) => o.warn(`warning: ${line}`),
  };
}
