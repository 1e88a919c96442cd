import { FLAG_APP, type Outbreak } from "@tracebed/sim";

/** The run's phones: the agents with the app, numbered 0..n-1 in agent order. */
export interface FleetPhones {
  /** agents[p]: the agent holding phone p. */
  readonly agents: Int32Array;
  /** phoneOfAgent[a]: agent a's phone, or -1 without the app. */
  readonly phoneOfAgent: Int32Array;
}

export function phonesOf(population: { size: number; flags: Uint8Array }): FleetPhones {
  const agents: number[] = [];
  const phoneOfAgent = new Int32Array(population.size).fill(-1);
  for (let i = 0; i < population.size; i++) {
    if ((population.flags[i]! & FLAG_APP) === 0) continue;
    phoneOfAgent[i] = agents.length;
    agents.push(i);
  }
  return { agents: Int32Array.from(agents), phoneOfAgent };
}

/** The F0 with a phone, as phone indices, in the oracle's order. */
export function f0Phones(outbreak: Outbreak, phoneOfAgent: Int32Array): number[] {
  return outbreak.sets.f0.map((a) => phoneOfAgent[a]!).filter((p) => p >= 0);
}
