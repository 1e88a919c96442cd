// Case `compaction`: what compaction buys a restart of the memory store: `--phones` phones each
// upload their own log of `--entries` entries `--rounds` times through the HTTP server
// (upload-server.mjs, with compaction off), which is then stopped. Then, `--repeats` times
// each, before and after one compaction: the data directory's bytes, the store's open in a
// fresh process (open-store.mjs) and a whole restart of the server (spawn → listening); the
// times are the medians of the repeats.
//
//   options: --phones 500 --entries 2400 --rounds 2 --concurrency 16 --repeats 3
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, redeemF0Code } from "@tracebed/bench";
import { phoneLogOptions, uploadPhoneLogs } from "./phone-logs.mjs";
import { HA_TOKEN, startUploadServer } from "./upload-server-process.mjs";

export function compactionCase({ quick, options }) {
  const o = phoneLogOptions(quick, options);
  const repeats = Number(options.repeats ?? (quick ? 1 : 3));
  return {
    name: "compaction",
    what: `data directory, store open and restart before and after one compaction (${o.phones} phones × ${o.rounds} logs of ${o.entries} entries, median of ${repeats})`,
    runs: 1,
    run: () => compaction(o, repeats),
  };
}

const openStore = fileURLToPath(new URL("open-store.mjs", import.meta.url));
const round = (x, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

function disk(dataDir) {
  const files = Object.fromEntries(
    readdirSync(dataDir).map((f) => [f, statSync(join(dataDir, f)).size]),
  );
  return { bytes: Object.values(files).reduce((a, b) => a + b, 0), files };
}

function open(dataDir, ...args) {
  return JSON.parse(
    execFileSync(process.execPath, [openStore, dataDir, ...args], { encoding: "utf8" }),
  );
}

async function restartSeconds(dataDir) {
  const started = performance.now();
  const m = await startUploadServer({ dataDir, compactAfterBytes: 0 });
  const seconds = (performance.now() - started) / 1000;
  await m.stop();
  return seconds;
}

async function measure(dataDir, repeats) {
  const opens = [];
  const restarts = [];
  for (let i = 0; i < repeats; i++) {
    opens.push(open(dataDir));
    restarts.push(await restartSeconds(dataDir));
  }
  return {
    ...disk(dataDir),
    openSeconds: round(median(opens.map((o) => o.openSeconds))),
    openSecondsRuns: opens.map((o) => round(o.openSeconds)),
    openRssMB: round(median(opens.map((o) => o.rssMB)), 1),
    restartSeconds: round(median(restarts)),
    restartSecondsRuns: restarts.map((s) => round(s)),
    opened: opens[0].opened,
  };
}

async function compaction(o, repeats) {
  const dataDir = mkdtempSync(join(tmpdir(), "tracebed-compaction-"));
  try {
    const matcher = await startUploadServer({ dataDir, compactAfterBytes: 0 });
    const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
    const started = performance.now();
    let refused;
    try {
      const { indexId } = await redeemF0Code(agent, matcher.server.url, HA_TOKEN, "compaction-f0");
      refused = await uploadPhoneLogs({
        agent,
        url: matcher.server.url,
        indexId,
        phones: o.phones,
        entries: o.entries,
        rounds: o.rounds,
        concurrency: o.concurrency,
        prefix: "compaction",
      });
    } finally {
      agent.destroy();
      await matcher.stop();
    }
    const loadSeconds = (performance.now() - started) / 1000;
    const before = await measure(dataDir, repeats);
    const { compaction } = open(dataDir, "--compact");
    const after = await measure(dataDir, repeats);
    return {
      phones: o.phones,
      entriesPerLog: o.entries,
      uploadsPerPhone: o.rounds,
      refused,
      loadSeconds: round(loadSeconds, 1),
      repeats,
      before,
      compaction,
      after,
      ratio: {
        bytes: round(before.bytes / after.bytes, 1),
        openSeconds: round(before.openSeconds / after.openSeconds, 1),
        restartSeconds: round(before.restartSeconds / after.restartSeconds, 1),
      },
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
