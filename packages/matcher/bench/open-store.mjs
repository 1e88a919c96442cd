// Opens the memory store on DIR in a process of its own, as a restart does, and prints one
// JSON line: how long the open took and what it read. With --compact it then compacts the
// store, watching how long the event loop is held up meanwhile.
//   node bench/open-store.mjs DIR [--compact]
import { monitorEventLoopDelay } from "node:perf_hooks";
import { MemoryStore } from "../dist/index.js";

const [dataDir, flag] = process.argv.slice(2);
const started = performance.now();
const store = await MemoryStore.open({ dataDir, compactAfterBytes: 0 });
const openSeconds = (performance.now() - started) / 1000;
const rssMB = process.memoryUsage().rss / 1e6;
let compaction = null;
if (flag === "--compact") {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const r = await store.compact();
  delay.disable();
  compaction = {
    seconds: r.seconds,
    journalBytes: r.journalBytes,
    snapshotBytes: r.snapshotBytes,
    records: r.records,
    eventLoopDelayMs: { p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 },
  };
}
await store.close();
console.log(JSON.stringify({ openSeconds, rssMB, opened: store.journalStats, compaction }));
