/** Milliseconds since the epoch; Date.now unless a test injects another. */
export type Clock = () => number;

export function unixSeconds(clock: Clock): number {
  return Math.floor(clock() / 1000);
}
