#!/usr/bin/env node
// What compaction buys a restart of the memory store: `--phones` phones each upload their own
// log of `--entries` entries `--rounds` times through the HTTP server (upload-server.mjs, with
// compaction off), which is then stopped. Then, `--runs` times each, before and after one
// compaction: the data directory's bytes, the store's open in a fresh process (open-store.mjs)
// and a whole restart of the server (spawn → listening). Needs the build (npx tsc -b
// packages/matcher).
//
//   node packages/matcher/bench/compaction.mjs [--phones 500] [--entries 2400] [--rounds 2]
//                                              [--runs 3]
//
// Prints one JSON document; times are medians of the runs.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { redeemF0Code } from "@tracebed/testkit";
import { PHONE_LOG_OPTIONS, uploadPhoneLogs } from "./phone-logs.mjs";
import { HA_TOKEN, startUploadServer } from "./upload-server-process.mjs";

const { values } = parseArgs({
  options: {
    ...PHONE_LOG_OPTIONS,
    runs: { type: "string", default: "3" },
  },
});
const runs = Number(values.runs);
const openStore = fileURLToPath(new URL("open-store.mjs", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "tracebed-compaction-"));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

function disk() {
  const files = Object.fromEntries(
    readdirSync(dataDir).map((f) => [f, statSync(join(dataDir, f)).size]),
  );
  return { bytes: Object.values(files).reduce((a, b) => a + b, 0), files };
}

function open(...args) {
  return JSON.parse(
    execFileSync(process.execPath, [openStore, dataDir, ...args], { encoding: "utf8" }),
  );
}

async function restartSeconds() {
  const started = performance.now();
  const m = await startUploadServer({ dataDir, compactAfterBytes: 0 });
  const seconds = (performance.now() - started) / 1000;
  await m.stop();
  return seconds;
}

async function measure() {
  const opens = [];
  const restarts = [];
  for (let i = 0; i < runs; i++) {
    opens.push(open());
    restarts.push(await restartSeconds());
  }
  return {
    ...disk(),
    openSeconds: round(median(opens.map((o) => o.openSeconds))),
    openSecondsRuns: opens.map((o) => round(o.openSeconds)),
    openRssMB: round(median(opens.map((o) => o.rssMB)), 1),
    restartSeconds: round(median(restarts)),
    restartSecondsRuns: restarts.map((s) => round(s)),
    opened: opens[0].opened,
  };
}

try {
  const matcher = await startUploadServer({ dataDir, compactAfterBytes: 0 });
  const agent = new Agent({ keepAlive: true, maxSockets: Number(values.concurrency) });
  const started = performance.now();
  let refused;
  try {
    const { indexId } = await redeemF0Code(agent, matcher.server.url, HA_TOKEN, "compaction-f0");
    refused = await uploadPhoneLogs({
      agent,
      url: matcher.server.url,
      indexId,
      phones: Number(values.phones),
      entries: Number(values.entries),
      rounds: Number(values.rounds),
      concurrency: Number(values.concurrency),
      prefix: "compaction",
    });
  } finally {
    agent.destroy();
    await matcher.stop();
  }
  const loadSeconds = (performance.now() - started) / 1000;
  const before = await measure();
  const { compaction } = open("--compact");
  const after = await measure();
  console.log(
    JSON.stringify(
      {
        benchmark: "memory store restart before and after compaction",
        phones: Number(values.phones),
        entriesPerLog: Number(values.entries),
        uploadsPerPhone: Number(values.rounds),
        refused,
        loadSeconds: round(loadSeconds, 1),
        runs,
        before,
        compaction,
        after,
        ratio: {
          bytes: round(before.bytes / after.bytes, 1),
          openSeconds: round(before.openSeconds / after.openSeconds, 1),
          restartSeconds: round(before.restartSeconds / after.restartSeconds, 1),
        },
      },
      null,
      2,
    ),
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
