// Small readings and arithmetic the bench's measurements share.
import { readFileSync } from "node:fs";
import type { RedisInfo } from "./processes.js";

/** CPU seconds a process has used (Linux: utime + stime of /proc/PID/stat, at 100 ticks/s). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** CPU seconds of several processes together. */
export const cpuSecondsOf = (pids: number[]) => sum(pids.map(cpuSeconds));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
export const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Redis commands, and bytes in + out, between two INFO readings. */
export const redisDelta = (a: RedisInfo, b: RedisInfo) => ({
  commands: b.commands - a.commands,
  bytes: b.netInputBytes + b.netOutputBytes - (a.netInputBytes + a.netOutputBytes),
});
