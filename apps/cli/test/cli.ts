import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The built `tracebed` binary (turbo builds the CLI before its tests). */
export const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function tracebed(...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The JSON document of a successful `--json` run. */
// biome-ignore lint/suspicious/noExplicitAny: the tests check the documents field by field
export function tracebedJson(...args: string[]): Record<string, any> {
  const r = tracebed(...args, "--json");
  if (r.status !== 0) throw new Error(`tracebed ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
