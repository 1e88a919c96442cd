import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../../apps/cli/dist/bin.js", import.meta.url));

export interface LoadRun {
  status: number | null;
  stderr: string;
  // biome-ignore lint/suspicious/noExplicitAny: the tests check the document field by field
  doc: any;
}

/** `tracebed load … --json` as a child process. */
export function load(args: string[], onStderr?: (text: string) => void): Promise<LoadRun> {
  const child = spawn(process.execPath, [CLI, "load", ...args, "--json"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  child.stderr.on("data", (d) => {
    err += d;
    onStderr?.(String(d));
  });
  return new Promise((resolve) => {
    child.on("close", (status) => {
      let doc: unknown = null;
      try {
        doc = JSON.parse(out);
      } catch {}
      resolve({ status, stderr: err, doc });
    });
  });
}

/** A small sample of the default scenario: 10 F0 at 60% adoption (the end-to-end case). */
export const SAMPLE = [
  "hung-yen-2020-08-18",
  "--agents",
  "2000",
  "--days",
  "5",
  "--adoption",
  "0.6",
  "--f0",
  "10",
  "--f0-rate",
  "50",
];
export const HA_TOKEN = "e2e-health-authority-token";
