#!/usr/bin/env node
// Uploads acknowledged per second by one matcher process on the memory store (journal on
// disk, fsync per group commit). The server runs in a child process; this process drives it
// over HTTP keep-alive with C concurrent phones. Needs the build (npx tsc -b packages/matcher).
//
//   node packages/matcher/bench/uploads.mjs [--concurrency 64] [--seconds 10] [--entries 20]
//
// Prints one JSON document: uploads acknowledged per second, latency percentiles, batch size.
// BENCH_SERVER_PROF=DIR writes a CPU profile of the server process to DIR.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    concurrency: { type: "string", default: "64" },
    seconds: { type: "string", default: "10" },
    entries: { type: "string", default: "20" },
  },
});
const concurrency = Number(values.concurrency);
const seconds = Number(values.seconds);
const entries = Number(values.entries);
const TOKEN = "bench-ha-token-0123456789";

const dataDir = mkdtempSync(join(tmpdir(), "tracebed-bench-"));
const server = spawn(
  process.execPath,
  [
    ...(process.env.BENCH_SERVER_PROF
      ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`]
      : []),
    "--input-type=module",
    "-e",
    `
    import { createMatcher } from ${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)};
    const m = await createMatcher({ dataDir: ${JSON.stringify(dataDir)}, haToken: ${JSON.stringify(TOKEN)},
      rateLimits: { ip: false, phone: false }, defaultMetrics: false });
    const a = await m.listen(0);
    process.stdout.write(a.url + "\\n");
    process.on("SIGTERM", () => m.close().then(() => process.exit(0)));
    `,
  ],
  { stdio: ["ignore", "pipe", "inherit"] },
);
const url = await new Promise((resolve) =>
  server.stdout.once("data", (d) => resolve(String(d).trim())),
);
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

function post(path, body, headers = {}) {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url + path, {
      method: "POST",
      agent,
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(data),
        ...headers,
      },
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => {
        text += d;
      });
      res.on("end", () => resolve({ status: res.statusCode, body: JSON.parse(text) }));
    });
    req.on("error", reject);
    req.end(data);
  });
}

// One index person the uploads can name.
const code = await post("/v1/f0-codes", { caseRef: "bench" }, { authorization: `Bearer ${TOKEN}` });
const f0 = await post("/v1/f0-codes/redeem", { code: code.body.code, phoneId: "bench-f0-phone" });
const now = Math.floor(Date.now() / 1000);
const hex = (n, bytes) =>
  n
    .toString(16)
    .padStart(2 * bytes, "0")
    .slice(-2 * bytes);
const log = Array.from({ length: entries }, (_, i) => ({
  ownId: hex(i + 1, 12),
  contactId: hex(i + 1000, 12),
  rssi: -60.5,
  txPower: -8,
  timestamp: now - 3600 - i * 300,
}));

let acked = 0;
let refused = 0;
const latencies = [];
let n = 0;
const end = Date.now() + seconds * 1000;
async function phone(w) {
  while (Date.now() < end) {
    const i = n++;
    const started = performance.now();
    const r = await post("/v1/uploads/log", {
      idempotencyKey: `bench-${w}-${i}-xxxxxxxxxx`,
      phoneId: `bench-phone-${i}`,
      scheme: "bluezone",
      basis: { kind: "exposure", indexIds: [f0.body.indexId] },
      log,
    });
    if (r.status === 201) {
      acked++;
      latencies.push(performance.now() - started);
    } else refused++;
  }
}
const t0 = performance.now();
await Promise.all(Array.from({ length: concurrency }, (_, w) => phone(w)));
const elapsed = (performance.now() - t0) / 1000;
const metrics = await (await fetch(`${url}/metrics`)).text();
const sum = Number(/tracebed_journal_batch_records_sum (\S+)/.exec(metrics)?.[1] ?? 0);
const count = Number(/tracebed_journal_batch_records_count (\S+)/.exec(metrics)?.[1] ?? 1);
latencies.sort((a, b) => a - b);
const q = (p) =>
  Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 100) /
  100;
server.kill("SIGTERM");
await new Promise((r) => server.once("exit", r));
agent.destroy();
rmSync(dataDir, { recursive: true, force: true });
console.log(
  JSON.stringify(
    {
      benchmark: "matcher uploads acknowledged per second (memory store, fsync'ed journal)",
      machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
      concurrency,
      entriesPerUpload: entries,
      seconds: Math.round(elapsed * 10) / 10,
      acknowledged: acked,
      refused,
      uploadsPerSecond: Math.round(acked / elapsed),
      latencyMs: { p50: q(0.5), p99: q(0.99) },
      recordsPerFsync: Math.round((sum / count) * 10) / 10,
    },
    null,
    2,
  ),
);
