/**
 * A run tag from the start time: short, unique enough, a valid opaque id part. It names a load
 * run's F0 cases (`caseRef`) apart from other runs' on a long-running server; the phones'
 * own ids are issued by the matcher when they register.
 */
export function newRunTag(now = Date.now()): string {
  return `run${now.toString(36)}`;
}
