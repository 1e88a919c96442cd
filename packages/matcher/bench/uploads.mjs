// Case `uploads`: uploads acknowledged per second by one matcher process on the memory store
// (journal on disk, fsync per group commit), no phones held: the upload burst of `tracebed
// bench` (@tracebed/bench's uploadBurst) against upload-server.mjs, log uploads only.
//
//   options: --concurrency 64 --seconds 5 --entries 20 --compact-after-mb N --store memory|redis
//            --kinds log,keys
//
// --compact-after-mb: the store's compaction threshold (default the matcher's, 64; 0: never).
// --store redis: a redis-server of its own (Debian's, appendonly off) on a free loopback port.
// --kinds: the uploads sent (default log); keys uploads are first redeemed F0s'.
// BENCH_MATCHER_DIST=DIR serves DIR/index.js instead of dist/ (an A/B against another build).
// BENCH_SERVER_PROF=DIR writes a CPU profile of the server process to DIR.
import { startRedis, uploadBurst } from "@tracebed/bench";
import { HA_TOKEN, startUploadServer } from "./upload-server-process.mjs";

/** A counter or a histogram's sum from the server's Prometheus text. */
const metric = (text, pattern, otherwise) => Number(pattern.exec(text)?.[1] ?? otherwise);

export function uploadsCase({ quick, options }) {
  const concurrency = Number(options.concurrency ?? (quick ? 8 : 64));
  const seconds = Number(options.seconds ?? (quick ? 1 : 5));
  const entries = Number(options.entries ?? 20);
  const compactAfterMb = options["compact-after-mb"];
  const store = options.store ?? "memory";
  const kinds = String(options.kinds ?? "log").split(",");
  return {
    name: "uploads",
    what: `${kinds.join("+")} uploads acknowledged/s, ${concurrency} phones in flight for ${seconds} s, ${entries} entries each (${store === "redis" ? "Redis store" : "memory store, fsync'ed journal"})`,
    runs: quick ? 1 : 3,
    async run() {
      const prof = process.env.BENCH_SERVER_PROF;
      const redis = store === "redis" ? await startRedis() : null;
      const matcher = await startUploadServer({
        ...(redis === null ? {} : { store: redis.url }),
        nodeArgs: prof ? ["--cpu-prof", `--cpu-prof-dir=${prof}`] : [],
        ...(compactAfterMb === undefined
          ? {}
          : { compactAfterBytes: Number(compactAfterMb) * 2 ** 20 }),
      });
      try {
        const { server } = matcher;
        const r = await uploadBurst({
          urls: [server.url],
          haToken: HA_TOKEN,
          seconds,
          concurrency,
          entries,
          idPrefix: "bench-phone-",
          kinds,
        });
        const metrics = await (await fetch(`${server.url}/metrics`)).text();
        const sum = metric(metrics, /tracebed_journal_batch_records_sum (\S+)/, 0);
        const count = metric(metrics, /tracebed_journal_batch_records_count (\S+)/, 1);
        return {
          uploadsPerSecond: r.uploadsPerSecond,
          latencyMs: r.latencyMs,
          acknowledged: r.acknowledged,
          refused: r.refused,
          // The memory store's group commit; Redis has no journal of ours.
          recordsPerFsync: count > 0 ? Math.round((sum / count) * 10) / 10 : null,
          compactions: metric(metrics, /tracebed_compactions_total\{outcome="ok"\} (\S+)/, 0),
        };
      } finally {
        await matcher.stop();
        await redis?.stop();
      }
    },
  };
}
