// The server of the upload benchmark (uploads.mjs): one matcher on the memory store, rate
// limits off, announcing `listening on URL` on stderr as `tracebed serve` does.
//   node bench/upload-server.mjs DATA_DIR HA_TOKEN
import { createMatcher } from "../dist/index.js";

const [dataDir, haToken] = process.argv.slice(2);
const m = await createMatcher({
  dataDir,
  haToken,
  rateLimits: { ip: false, phone: false },
  defaultMetrics: false,
});
const { url } = await m.listen(0);
process.stderr.write(`listening on ${url}\n`);
process.on("SIGTERM", () => m.close().then(() => process.exit(0)));
