#!/usr/bin/env node
// Requests the Redis store sends per call on the flow's hot paths, through the store's API (no
// HTTP), one call at a time on one process: an F0's code inserted and redeemed, its keys and
// log uploaded and pushed; five candidates each uploading keys and a log naming it, notified
// F1 and pushed, and a push asked again with nothing new. A request is a command or a script
// call the process waits on; a MULTI block counts as one. Counts, not timings. Needs the build.
// --processes 2: two stores on one Redis take the calls in turn (as two `serve` processes
// behind a balancer would), so each finds much of what it reads written by the other.
//
//   node packages/matcher/bench/redis-flow-requests.mjs [--f0 20] [--processes 1] [DIST_DIR...]
import { parseArgs } from "node:util";
import { startRedis } from "@tracebed/testkit";
import { countRequests, DAY, NOW, uploadRecord } from "./redis-bench-parts.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    f0: { type: "string", default: "20" },
    processes: { type: "string", default: "1" },
  },
});
const dists = positionals.length > 0 ? positionals : [new URL("../dist", import.meta.url).pathname];
const upload = (phoneId, kind, i, exposures) =>
  uploadRecord({ id: `-${kind}-${phoneId}`, kind, phoneId, i, exposures });

const builds = [];
for (const dist of dists) {
  const { RedisStore } = await import(`${dist}/index.js`);
  const redis = await startRedis();
  const stores = [];
  const sent = { requests: 0 };
  for (let p = 0; p < Number(values.processes); p++) {
    const s = await RedisStore.open({ url: redis.url, prefix: "flow:" });
    countRequests(s, sent);
    stores.push(s);
  }
  let turn = 0;
  const next = () => stores[turn++ % stores.length];
  const per = {};
  const count = async (what, call) => {
    const before = sent.requests;
    await call(next());
    per[what] ??= [];
    per[what].push(sent.requests - before);
  };
  for (let f = 0; f < Number(values.f0); f++) {
    const code = String(100_000 + f);
    const f0 = `f0-${f}`;
    const f0Index = `i0-${f}`;
    await count("insertCode", (store) =>
      store.insertCode({
        code,
        caseRef: "c",
        confirmedAt: NOW,
        expiresAt: NOW + 600,
        issuedAt: NOW,
      }),
    );
    await count("redeemCode", (store) =>
      store.redeemCode({
        code,
        phoneId: f0,
        now: NOW,
        maxCodeFailures: 5,
        indexId: f0Index,
        uploadToken: `token-${f}`.padEnd(24, "x"),
        tokenExpiresAt: NOW + 600,
      }),
    );
    await count("putUpload", (store) => store.putUpload(upload(f0, "keys", f, [])));
    await count("putUpload", (store) => store.putUpload(upload(f0, "log", f, [])));
    await count("pushIndex (F0)", (store) => store.pushIndex(f0Index, NOW, 14));
    for (let c = 0; c < 5; c++) {
      const phoneId = `c-${f}-${c}`;
      await count("putUpload", (store) => store.putUpload(upload(phoneId, "keys", c, [f0Index])));
      await count("putUpload", (store) => store.putUpload(upload(phoneId, "log", c, [f0Index])));
      const notification = {
        notificationId: `n-${phoneId}`,
        role: "F1",
        indexId: f0Index,
        bestDay: DAY,
        exposureDay: DAY,
        closeSeconds: 900,
        notifiedAt: NOW,
      };
      const newIndex = {
        indexId: `i1-${phoneId}`,
        windowEnd: NOW,
        windowStart: NOW - 86_400,
        createdAt: NOW,
      };
      await count("notify (F1)", (store) => store.notify({ phoneId, notification, newIndex }));
      await count("pushIndex (F1)", (store) => store.pushIndex(newIndex.indexId, NOW, 14));
      await count("pushIndex (nothing new)", (store) => store.pushIndex(newIndex.indexId, NOW, 14));
    }
  }
  for (const s of stores) await s.close();
  await redis.stop();
  const mean = (a) => Math.round((a.reduce((x, y) => x + y, 0) / a.length) * 100) / 100;
  builds.push({
    build: dist,
    processes: stores.length,
    requestsPerCall: Object.fromEntries(Object.entries(per).map(([k, v]) => [k, mean(v)])),
  });
}
console.log(
  JSON.stringify({ benchmark: "Redis store requests per call (store API)", builds }, null, 2),
);
