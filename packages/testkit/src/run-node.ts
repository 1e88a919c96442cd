import { spawn } from "node:child_process";

export interface NodeRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Killed after `timeoutMs` (it would have run on). */
  timedOut: boolean;
}

export interface RunNodeOptions {
  /** Set over this process's environment. */
  readonly env?: NodeJS.ProcessEnv;
  /** Each chunk of stderr as it comes (progress lines). */
  readonly onStderr?: (text: string) => void;
  /** Kill it (SIGKILL) if it runs longer than this. */
  readonly timeoutMs?: number;
}

/** Runs Node with `args` to its end (stdin closed), collecting what it writes. */
export function runNode(args: readonly string[], o: RunNodeOptions = {}): Promise<NodeRun> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...o.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
    o.onStderr?.(d);
  });
  let timedOut = false;
  const timer =
    o.timeoutMs === undefined
      ? null
      : setTimeout(() => {
          timedOut = true;
          child.kill("SIGKILL");
        }, o.timeoutMs);
  return new Promise((resolve) =>
    child.on("close", (status) => {
      if (timer !== null) clearTimeout(timer);
      resolve({ status, stdout, stderr, timedOut });
    }),
  );
}
