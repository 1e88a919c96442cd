#!/usr/bin/env node
// What stored logs cost one matcher process on the memory store: `--phones` phones each upload
// their own log of `--entries` entries `--rounds` times (as a phone re-uploads its whole log for
// each key-push frame it matches), log uploads only (no keys, so nothing is decided and no log
// is cached by the flow). The server runs with --expose-gc; after a full GC it reports its
// memory (upload-server.mjs on SIGUSR2). `--store redis`: the matcher on a Redis started here
// (appendonly, appendfsync always), whose memory and traffic are reported too. Needs the build
// (npx tsc -b packages/matcher).
//
//   node packages/matcher/bench/log-memory.mjs [--phones 500] [--entries 2400] [--rounds 2]
//                                              [--store memory|redis]
//
// Prints one JSON document: memory before and after, bytes per distinct stored entry.
import { Agent } from "node:http";
import { parseArgs } from "node:util";
import { redeemF0Code, startRedis } from "@tracebed/testkit";
import { PHONE_LOG_OPTIONS, uploadPhoneLogs } from "./phone-logs.mjs";
import { HA_TOKEN, startUploadServer } from "./upload-server-process.mjs";

const { values } = parseArgs({
  options: {
    ...PHONE_LOG_OPTIONS,
    store: { type: "string", default: "memory" },
  },
});
const phones = Number(values.phones);
const entries = Number(values.entries);
const rounds = Number(values.rounds);

const redis =
  values.store === "redis" ? await startRedis({ appendonly: true, appendfsync: "always" }) : null;
const matcher = await startUploadServer({
  store: redis?.url ?? "memory",
  nodeArgs: ["--expose-gc"],
});
const { server } = matcher;

/** The server's memory after a full GC (it answers SIGUSR2 with one `memory {…}` line). */
async function serverMemory() {
  const before = server.stderr().length;
  server.child.kill("SIGUSR2");
  for (let i = 0; i < 200; i++) {
    const m = /memory (\{.*\})\n/.exec(server.stderr().slice(before));
    if (m) return { ...JSON.parse(m[1]), rss: server.rss() };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("the server did not report its memory (SIGUSR2)");
}

const agent = new Agent({ keepAlive: true, maxSockets: Number(values.concurrency) });
try {
  const { indexId } = await redeemF0Code(agent, server.url, HA_TOKEN, "logmem-index-0");
  const idle = await serverMemory();
  const redisIdle = await redis?.info();
  const started = performance.now();
  const refused = await uploadPhoneLogs({
    agent,
    url: server.url,
    indexId,
    phones,
    entries,
    rounds,
    concurrency: Number(values.concurrency),
    prefix: "logmem",
  });
  const seconds = (performance.now() - started) / 1000;
  const loaded = await serverMemory();
  const redisLoaded = await redis?.info();
  const stored = phones * entries;
  const uploads = phones * rounds;
  const redisFigures = redis && {
    usedMemoryBytesPerStoredEntry:
      Math.round(((redisLoaded.usedMemoryBytes - redisIdle.usedMemoryBytes) / stored) * 10) / 10,
    netInputBytesPerUpload: Math.round(
      (redisLoaded.netInputBytes - redisIdle.netInputBytes) / uploads,
    ),
    netOutputBytesPerUpload: Math.round(
      (redisLoaded.netOutputBytes - redisIdle.netOutputBytes) / uploads,
    ),
  };
  const perEntry = (k) => Math.round(((loaded[k] - idle[k]) / stored) * 10) / 10;
  const mb = (m) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(v / 1e5) / 10]));
  console.log(
    JSON.stringify(
      {
        benchmark: `matcher memory for stored logs (${values.store} store), after a full GC`,
        phones,
        entriesPerLog: entries,
        uploadsPerPhone: rounds,
        refused,
        uploadsPerSecond: Math.round(uploads / seconds),
        idleMB: mb(idle),
        loadedMB: mb(loaded),
        bytesPerStoredEntry: {
          heapUsed: perEntry("heapUsed"),
          arrayBuffers: perEntry("arrayBuffers"),
          heapUsedPlusArrayBuffers:
            Math.round(
              ((loaded.heapUsed + loaded.arrayBuffers - idle.heapUsed - idle.arrayBuffers) /
                stored) *
                10,
            ) / 10,
          rss: perEntry("rss"),
        },
        ...(redisFigures ? { redis: redisFigures } : {}),
      },
      null,
      2,
    ),
  );
} finally {
  agent.destroy();
  await matcher.stop();
  await redis?.stop();
}
