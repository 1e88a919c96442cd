#!/usr/bin/env node
// Uploads acknowledged per second by one matcher process on the memory store (journal on
// disk, fsync per group commit), no phones held: the upload burst of `tracebed bench`
// (@tracebed/testkit's uploadBurst) against upload-server.mjs, log uploads only. Needs the
// build (npx turbo run build --filter=@tracebed/matcher).
//
//   node packages/matcher/bench/uploads.mjs [--concurrency 64] [--seconds 10] [--entries 20]
//                                           [--compact-after-mb N] [--store memory|redis]
//                                           [--kinds log,keys]
//
// --compact-after-mb: the store's compaction threshold (default the matcher's, 64; 0: never).
// --store redis: a redis-server of its own (Debian's, appendonly off) on a free loopback port.
// --kinds: the uploads sent (default log); keys uploads are first redeemed F0s' (testkit).
// BENCH_MATCHER_DIST=DIR serves DIR/index.js instead of dist/ (an A/B against another build).
// Prints one JSON document: uploads acknowledged per second, latency percentiles, batch size.
// BENCH_SERVER_PROF=DIR writes a CPU profile of the server process to DIR.
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { startRedis, uploadBurst } from "@tracebed/testkit";
import { HA_TOKEN, startUploadServer } from "./upload-server-process.mjs";

const { values } = parseArgs({
  options: {
    concurrency: { type: "string", default: "64" },
    seconds: { type: "string", default: "10" },
    entries: { type: "string", default: "20" },
    "compact-after-mb": { type: "string" },
    store: { type: "string", default: "memory" },
    kinds: { type: "string", default: "log" },
  },
});
const compactAfterMb = values["compact-after-mb"];
const prof = process.env.BENCH_SERVER_PROF;

const redis = values.store === "redis" ? await startRedis() : null;
const matcher = await startUploadServer({
  ...(redis === null ? {} : { store: redis.url }),
  nodeArgs: prof ? ["--cpu-prof", `--cpu-prof-dir=${prof}`] : [],
  ...(compactAfterMb === undefined ? {} : { compactAfterBytes: Number(compactAfterMb) * 2 ** 20 }),
});
const { server } = matcher;
try {
  const r = await uploadBurst({
    urls: [server.url],
    haToken: HA_TOKEN,
    seconds: Number(values.seconds),
    concurrency: Number(values.concurrency),
    entries: Number(values.entries),
    idPrefix: "bench-phone-",
    kinds: values.kinds.split(","),
  });
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  const sum = Number(/tracebed_journal_batch_records_sum (\S+)/.exec(metrics)?.[1] ?? 0);
  const count = Number(/tracebed_journal_batch_records_count (\S+)/.exec(metrics)?.[1] ?? 1);
  const compactions = Number(
    /tracebed_compactions_total\{outcome="ok"\} (\S+)/.exec(metrics)?.[1] ?? 0,
  );
  console.log(
    JSON.stringify(
      {
        benchmark:
          redis === null
            ? "matcher uploads acknowledged per second (memory store, fsync'ed journal)"
            : "matcher uploads acknowledged per second (Redis store, appendonly off)",
        kinds: values.kinds.split(","),
        machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
        concurrency: r.concurrency,
        entriesPerUpload: r.entriesPerLog,
        seconds: r.seconds,
        acknowledged: r.acknowledged,
        refused: r.refused,
        uploadsPerSecond: r.uploadsPerSecond,
        latencyMs: r.latencyMs,
        recordsPerFsync: Math.round((sum / count) * 10) / 10,
        compactions,
      },
      null,
      2,
    ),
  );
} finally {
  await matcher.stop();
  await redis?.stop();
}
