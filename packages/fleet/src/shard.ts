/** Which fleet process holds a phone, and which matcher URL the phone talks to. */
export interface Shard {
  mine(phone: number): boolean;
  urlOf(phone: number): string;
}

/**
 * Process `proc` of `procs` holds every procs-th phone; its phones go round the URLs in turn,
 * so each matcher serves an equal share of every process's phones.
 */
export function shardOf(proc: number, procs: number, urls: readonly string[]): Shard {
  return {
    mine: (p) => p % procs === proc,
    urlOf: (p) => urls[Math.floor(p / procs) % urls.length]!,
  };
}
