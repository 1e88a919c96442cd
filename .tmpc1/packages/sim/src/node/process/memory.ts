import { resourceUsage } from "node:process";

/** Peak resident set size of this process so far, in bytes (getrusage's maxrss). */
export function peakRssBytes(): number {
  return resourceUsage().maxRSS * 1024;
}
