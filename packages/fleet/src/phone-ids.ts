/**
 * A phone's name on the wire for one load run: the run's tag keeps runs apart on a
 * long-running server (a phone of an earlier run may already be an F1 there).
 */
export function phoneIdFor(runTag: string, agent: number): string {
  return `${runTag}-${String(agent).padStart(9, "0")}`;
}

/** A run tag from the start time: short, unique enough, a valid opaque id part. */
export function newRunTag(now = Date.now()): string {
  return `run${now.toString(36)}`;
}
