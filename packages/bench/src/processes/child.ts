// Waiting for and ending a child process.
import type { ChildProcess } from "node:child_process";

export const isRunning = (child: ChildProcess) =>
  child.exitCode === null && child.signalCode === null;

/** Its exit code (null after a signal), once it has exited. Call it right after spawn. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (!isRunning(child)) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

/** SIGTERM, then SIGKILL if it is still running after `graceMs`; its exit code. */
export async function terminate(
  child: ChildProcess,
  exited: Promise<number | null>,
  graceMs: number,
): Promise<number | null> {
  if (!isRunning(child)) return exited;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

/** SIGKILL: a crash. */
export async function kill9(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (isRunning(child)) child.kill("SIGKILL");
  await exited;
}
