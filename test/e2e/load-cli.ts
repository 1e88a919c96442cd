import { runNode, TRACEBED_CLI } from "@tracebed/testkit";

export interface LoadRun {
  status: number | null;
  timedOut: boolean;
  stderr: string;
  // biome-ignore lint/suspicious/noExplicitAny: the tests check the document field by field
  doc: any;
}

/** `tracebed load … --json` as a child process. */
export async function load(
  args: string[],
  onStderr?: (text: string) => void,
  timeoutMs?: number,
): Promise<LoadRun> {
  const r = await runNode([TRACEBED_CLI, "load", ...args, "--json"], {
    ...(onStderr ? { onStderr } : {}),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  let doc: unknown = null;
  try {
    doc = JSON.parse(r.stdout);
  } catch {}
  return { status: r.status, timedOut: r.timedOut, stderr: r.stderr, doc };
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

/** What every e2e `tracebed serve` is started with: the sample's scenario and the HA token. */
export const SERVE_FLAGS = ["--scenario", "hung-yen-2020-08-18", "--ha-token", HA_TOKEN];

/** A GAEN server publishing every 2 s, so a run sees its batches within seconds. */
export const GAEN_SERVE_FLAGS = [...SERVE_FLAGS, "--design", "gaen", "--export-period", "2"];
/** GAEN phones polling every 500 ms; half the notified F1 upload their keys (so F2 exist). */
export const GAEN_FLAGS = ["--design", "gaen", "--gaen-f1-upload", "0.5", "--gaen-poll-ms", "500"];
