/** The synthetic population as a struct of typed arrays: no object per agent. */

export const FLAG_SMARTPHONE = 1;
export const FLAG_APP = 2;
export const FLAG_IOS = 4;
export const FLAG_ADULT = 8;
/**
 * The app is installed. FLAG_APP marks an active app (running, Bluetooth on): it logs,
 * advertises and uploads; an install without FLAG_APP does none of these.
 */
export const FLAG_INSTALLED = 16;

export const NEVER = 255;

/** Members of one cluster layer (workplaces, schools): agent ids grouped by cluster. */
export interface Clusters {
  members: Uint32Array;
  /** Cluster c holds members[start[c] .. start[c + 1]). */
  start: Uint32Array;
  /** Colleagues a member meets per day on average (the layer's mean over members only). */
  memberContacts: number;
}

export interface Population {
  size: number;
  /** Agents are contiguous by region: region r holds [regionStart[r], regionStart[r + 1]). */
  regionStart: Uint32Array;
  /** Agents are contiguous by household: household h holds [householdStart[h], householdStart[h + 1]). */
  householdStart: Uint32Array;
  ageBand: Uint8Array;
  flags: Uint8Array;
  /** Bit g set: the agent belongs to scenario group g. */
  groups: Uint8Array;
  /** Simulated day the app was installed and active (NEVER: no active app). */
  installDay: Uint8Array;
  /** One entry per layer; empty for layers without clusters. */
  clusters: Clusters[];
  /** Mixing layers' one-off endpoints, weighted by sociability (`sociability.ts`). */
  tickets: Uint32Array;
  /** Region r's tickets are tickets[ticketStart[r] .. ticketStart[r + 1]). */
  ticketStart: Uint32Array;
}

/** Index of the range of `starts` holding `x` (binary search; starts is ascending). */
export function rangeOf(starts: Uint32Array, x: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function regionOf(pop: Population, agent: number): number {
  return rangeOf(pop.regionStart, agent);
}

export function householdOf(pop: Population, agent: number): number {
  return rangeOf(pop.householdStart, agent);
}

/** The agent's app is active: it logs, advertises and uploads. */
export function hasApp(pop: Population, agent: number): boolean {
  return (pop.flags[agent]! & FLAG_APP) !== 0;
}

/** The agent has the app installed, active or not. */
export function hasInstall(pop: Population, agent: number): boolean {
  return (pop.flags[agent]! & FLAG_INSTALLED) !== 0;
}

/** True if the agent's phone logs and advertises on simulated day `day`. */
export function appActiveOn(pop: Population, agent: number, day: number): boolean {
  return pop.installDay[agent]! <= day;
}

/** Bytes held by the population's arrays. */
export function populationBytes(pop: Population): number {
  let n =
    pop.regionStart.byteLength +
    pop.householdStart.byteLength +
    pop.ageBand.byteLength +
    pop.flags.byteLength +
    pop.groups.byteLength +
    pop.installDay.byteLength +
    pop.tickets.byteLength +
    pop.ticketStart.byteLength;
  for (const c of pop.clusters) n += c.members.byteLength + c.start.byteLength;
  return n;
}
