// `tracebed-bench MODULE [CASE…] [--runs N] [--quick] [--json]`: every workspace's `npm run bench`.
import { benchMain } from "./cli.js";

benchMain(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`tracebed-bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
