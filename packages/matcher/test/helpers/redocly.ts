import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

export interface RedoclyReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; message: string }[];
}

/**
 * Redocly CLI's `lint` with its recommended rules on an OpenAPI document, written to `dir`
 * (the installed CLI, run by this Node; no telemetry, no update notice).
 */
export async function redoclyLint(doc: unknown, dir: string): Promise<RedoclyReport> {
  const file = join(dir, "openapi.json");
  writeFileSync(file, JSON.stringify(doc));
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("@redocly/cli/package.json");
  const bin = join(dirname(pkg), (require(pkg) as { bin: Record<string, string> }).bin.redocly!);
  const r = await promisify(execFile)(
    process.execPath,
    [bin, "lint", file, "--extends", "recommended", "--format", "json"],
    { env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
  ).catch((err: { stdout: string; stderr: string }) => err);
  return JSON.parse(r.stdout) as RedoclyReport;
}
