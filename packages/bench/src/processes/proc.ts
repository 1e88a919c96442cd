// What Linux's /proc says about a process.
import { readFileSync } from "node:fs";

/** Resident set size of a process, bytes (VmRSS of /proc/PID/status). */
export function rssBytes(pid: number): number {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    throw new Error(`cannot read /proc/${pid}/status: memory is measured on Linux only`);
  }
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!m) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(m[1]) * 1024;
}

/** The open-file limit of this process (children inherit it): the most sockets a process holds. */
export function openFileLimit(): number | null {
  try {
    const m = /^Max open files\s+(\d+)/m.exec(readFileSync("/proc/self/limits", "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
