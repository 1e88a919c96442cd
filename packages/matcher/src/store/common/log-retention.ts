import { SECONDS_PER_DAY } from "@tracebed/protocol";

/**
 * The oldest timestamp a phone's stored log keeps after a log upload received at `receivedAt`
 * (older entries are dropped): the decision window, as phones keep it, plus a day's margin.
 */
export function logRetainedFrom(receivedAt: number, windowDays: number): number {
  return receivedAt - (windowDays + 1) * SECONDS_PER_DAY;
}
