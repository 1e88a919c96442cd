#!/usr/bin/env node
// `npm test`: system packages, then lint + typecheck + every workspace's tests through Turborepo,
// then one summary line summed over all workspaces: `tests: N passed, M failed`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureSystemPackages } from "./system-packages.mjs";

const root = new URL("..", import.meta.url).pathname;
const workspaces = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).workspaces;

if (!ensureSystemPackages()) {
  console.log("tests: 0 passed, 1 failed");
  process.exit(1);
}

for (const ws of workspaces) rmSync(join(root, ws, ".vitest"), { recursive: true, force: true });
rmSync(join(root, ".turbo", "runs"), { recursive: true, force: true });

const extra = process.argv.slice(2);
const turbo = spawnSync(
  "npx",
  // Two tasks at a time on the two cores: the end-to-end and browser tests time real servers.
  [
    "turbo",
    "run",
    "lint",
    "typecheck",
    "test",
    "--continue",
    "--summarize",
    "--concurrency=2",
    ...extra,
  ],
  { cwd: root, stdio: "inherit", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } },
);

let passed = 0;
let failed = 0;
for (const ws of workspaces) {
  const report = join(root, ws, ".vitest", "report.json");
  if (!existsSync(report)) continue;
  const r = JSON.parse(readFileSync(report, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A test file that fails to load has no failed test in it but must still count.
  failed += r.testResults.filter(
    (f) => f.status === "failed" && f.assertionResults.length === 0,
  ).length;
}

// Lint and typecheck failures, and test tasks that crashed before writing a report, count too.
const runsDir = join(root, ".turbo", "runs");
if (existsSync(runsDir)) {
  for (const f of readdirSync(runsDir).filter((n) => n.endsWith(".json"))) {
    const summary = JSON.parse(readFileSync(join(runsDir, f), "utf8"));
    for (const t of summary.tasks) {
      const code = t.execution?.exitCode;
      if (code === undefined || code === 0) continue;
      const hasReport =
        t.task === "test" && existsSync(join(root, t.directory, ".vitest", "report.json"));
      if (!hasReport) {
        console.error(`task failed: ${t.taskId} (exit ${code})`);
        failed += 1;
      }
    }
  }
}

console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(turbo.status === 0 && failed === 0 ? 0 : 1);
