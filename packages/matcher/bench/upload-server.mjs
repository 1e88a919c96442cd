// The server of the upload benchmark (uploads.mjs): one matcher on the memory store, rate
// limits off, announcing `listening on URL` on stderr as `tracebed serve` does. Run with
// --expose-gc, it answers SIGUSR2 with a full GC and one `memory {…}` line (log-memory.mjs).
//   node bench/upload-server.mjs DATA_DIR HA_TOKEN [STORE] [COMPACT_AFTER_BYTES]
//   (STORE: memory or redis://…; COMPACT_AFTER_BYTES: the memory store's, 0 never compacts)
const dist = process.env.BENCH_MATCHER_DIST ?? new URL("../dist", import.meta.url).pathname;
const { createMatcher } = await import(`${dist}/index.js`);

const [dataDir, haToken, store = "memory", compactAfter] = process.argv.slice(2);
const m = await createMatcher({
  store,
  dataDir,
  ...(compactAfter === undefined ? {} : { compactAfterBytes: Number(compactAfter) }),
  haToken,
  rateLimits: { ip: false, phone: false },
  defaultMetrics: false,
});
const { url } = await m.listen(0);
process.stderr.write(`listening on ${url}\n`);
process.on("SIGUSR2", () => {
  globalThis.gc?.();
  process.stderr.write(`memory ${JSON.stringify(process.memoryUsage())}\n`);
});
process.on("SIGTERM", () => m.close().then(() => process.exit(0)));
