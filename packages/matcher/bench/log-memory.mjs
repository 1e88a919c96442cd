// Case `log-memory`: what stored logs cost one matcher process: `--phones` phones each upload
// their own log of `--entries` entries `--rounds` times (as a phone re-uploads its whole log for
// each key-push frame it matches), log uploads only (no keys, so nothing is decided and no log
// is cached by the flow). The server runs with --expose-gc; after a full GC it reports its
// memory (upload-server.mjs on SIGUSR2). `--store redis`: the matcher on a Redis started here
// (appendonly, appendfsync always), whose memory and traffic are reported too.
//
//   options: --phones 500 --entries 2400 --rounds 2 --concurrency 16 --store memory|redis
import { Agent } from "node:http";
import { redeemF0Code, startRedis } from "@tracebed/bench";
import { phoneLogOptions, uploadPhoneLogs } from "./phone-logs.mjs";
import { HA_TOKEN, startUploadServer } from "./upload-server-process.mjs";

export function logMemoryCase({ quick, options }) {
  const o = phoneLogOptions(quick, options);
  const store = options.store ?? "memory";
  return {
    name: "log-memory",
    what: `bytes per stored log entry after a full GC: ${o.phones} phones × ${o.rounds} uploads of ${o.entries} entries (${store} store)`,
    runs: 1,
    run: () => logMemory(o, store),
  };
}

async function logMemory({ phones, entries, rounds, concurrency }, store) {
  const redis =
    store === "redis" ? await startRedis({ appendonly: true, appendfsync: "always" }) : null;
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

  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
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
      concurrency: concurrency,
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
    return {
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
            ((loaded.heapUsed + loaded.arrayBuffers - idle.heapUsed - idle.arrayBuffers) / stored) *
              10,
          ) / 10,
        rss: perEntry("rss"),
      },
      ...(redisFigures ? { redis: redisFigures } : {}),
    };
  } finally {
    agent.destroy();
    await matcher.stop();
    await redis?.stop();
  }
}
