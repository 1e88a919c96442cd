// The matcher's benchmark cases (docs/BENCHMARKS.md): `npm run bench -w packages/matcher` runs
// them all through tracebed-bench; `npx tracebed-bench packages/matcher/bench/index.mjs uploads
// --concurrency 16` one of them with its options. They run against the build (dist/).
import { compactionCase } from "./compaction.mjs";
import { credentialsCase } from "./credentials.mjs";
import { logMemoryCase } from "./log-memory.mjs";
import { uploadsCase } from "./uploads.mjs";

/** @type {import("@tracebed/bench").BenchRegistry} */
export const benchCases = (o) => [
  uploadsCase(o),
  logMemoryCase(o),
  compactionCase(o),
  credentialsCase(o),
];
