#!/usr/bin/env node
// Work per upload on the Redis store, through the store's API (no HTTP): Redis commands run
// (a script's inner calls counted), Redis CPU (INFO commandstats usec) and this process's CPU,
// over the same keys and log uploads, 16 at a time, each build on a fresh redis-server; and the
// requests the process sends (a read, a script call: what it waits on). Counts,
// not timings, are what compare across a busy machine. Needs the build.
//
//   node packages/matcher/bench/redis-store-work.mjs [--uploads 400] [--rounds 2] [DIST_DIR...]
//
// DIST_DIR: builds to compare, interleaved round by round (default: this package's dist).
import { parseArgs } from "node:util";
import { startRedis } from "@tracebed/testkit";
import { createClient } from "redis";
import { countRequests, uploadRecord } from "./redis-bench-parts.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    uploads: { type: "string", default: "400" },
    rounds: { type: "string", default: "2" },
  },
});
const dists = positionals.length > 0 ? positionals : [new URL("../dist", import.meta.url).pathname];
const N = Number(values.uploads);
const upload = (i, kind) => uploadRecord({ id: `${kind}${i}`, kind, phoneId: `p${i}`, i });

async function commandStats(url) {
  const c = createClient({ url });
  await c.connect();
  const info = await c.info("commandstats");
  await c.close();
  let calls = 0;
  let usec = 0;
  for (const m of info.matchAll(/calls=(\d+),usec=(\d+)/g)) {
    calls += Number(m[1]);
    usec += Number(m[2]);
  }
  return { calls, usec };
}

const rows = [];
for (let round = 1; round <= Number(values.rounds); round++) {
  for (const dist of dists) {
    const { RedisStore } = await import(`${dist}/index.js`);
    const redis = await startRedis();
    const store = await RedisStore.open({ url: redis.url, prefix: "work:" });
    // Requests this process sends Redis (each command or script call; a MULTI block is one).
    const sent = { requests: 0 };
    countRequests(store, sent);
    const before = await commandStats(redis.url);
    const cpu = process.cpuUsage();
    const todo = [...Array(N).keys()];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = todo.shift(); i !== undefined; i = todo.shift()) {
          await store.putUpload(upload(i, "keys"));
          await store.putUpload(upload(i, "log"));
        }
      }),
    );
    const used = process.cpuUsage(cpu);
    const after = await commandStats(redis.url);
    await store.close();
    await redis.stop();
    const n = 2 * N;
    rows.push({
      build: dist,
      round,
      uploads: n,
      requestsPerUpload: Math.round((sent.requests / n) * 100) / 100,
      redisCommandsPerUpload: Math.round(((after.calls - before.calls) / n) * 10) / 10,
      redisCpuMicrosPerUpload: Math.round((after.usec - before.usec) / n),
      processCpuMicrosPerUpload: Math.round((used.user + used.system) / n),
    });
  }
}
console.log(
  JSON.stringify({ benchmark: "Redis store work per upload (store API)", rows }, null, 2),
);
