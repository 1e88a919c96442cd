import type { FailureWindow } from "../records.js";
import type { Transition } from "../writes.js";

/**
 * Counts a refused redemption under `key` (a source address, or the global breaker): the
 * window begins with the first failure and lasts `windowSeconds`; the answer is the count in it.
 */
export function noteRedeemFailure(
  key: string,
  current: FailureWindow | null,
  now: number,
  windowSeconds: number,
): Transition<number> {
  const window =
    current === null || current.until <= now
      ? { count: 1, until: now + windowSeconds }
      : { count: current.count + 1, until: current.until };
  return { result: window.count, writes: [{ op: "putFailures", key, window }] };
}

/** The refused redemptions counted under a key at `now` (0 once its window is over). */
export function redeemFailures(current: FailureWindow | null, now: number): number {
  return current === null || current.until <= now ? 0 : current.count;
}
