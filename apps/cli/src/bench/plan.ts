/*
 * A capacity plan for a national outbreak, derived from the figures this machine measured. Pure:
 * every input is either a stated assumption (population, adoption, outbreak rate) or a measured
 * figure passed in; every output carries the arithmetic that produced it, as a string. All of
 * it is an extrapolation from one machine's per-process figures, labelled as such. Each section
 * of the plan is its own function (plan-sections.ts), over the rates they share.
 */
import { getIdScheme } from "@tracebed/protocol";
import {
  assumptionLines,
  connectionLines,
  phoneLines,
  planRates,
  pushLines,
  redisLines,
  uploadLines,
} from "./plan-sections.js";

/** What the plan assumes (docs/BENCHMARKS.md): stated, not measured. */
export interface PlanAssumptions {
  /** People (Viet Nam ≈ 97.6 million, 2020). */
  population: number;
  /** Share of the population with the app. */
  adoption: number;
  /** F0 confirmed per day, nationwide. */
  f0PerDay: number;
  /** Days of keys an index person's push carries. */
  windowDays: number;
  /** Broadcast IDs per day: the Bluezone scheme's slots. */
  idsPerDay: number;
}

/** What the bench measured, per process or per F0. */
export interface PlanMeasured {
  /** Phones one `serve` process held at once (memory store). */
  connectionsPerProcess: number;
  /** Server resident memory per held phone, bytes. */
  bytesPerConnection: number;
  /** Phones held by the Redis setup on this machine, and its `serve` processes. */
  phonesPerMachine: number;
  processesPerMachine: number;
  cpusPerMachine: number;
  /** Small uploads acknowledged per second by one process (memory store). */
  uploadsPerSecondPerProcess: number;
  /** In the outbreak replayed by the fleet (Redis setup): per F0 confirmed. */
  uploadsPerF0: number;
  /** Index persons pushed per F0 (the F0 and its F1). */
  pushesPerF0: number;
  /** CPU seconds of all `serve` processes per F0: uploads and decisions (few phones held). */
  serverCpuSecondsPerF0: number;
  /** Redis: commands, bytes in + out and CPU seconds per F0, with `redisProcesses` subscribers. */
  redisCommandsPerF0: number;
  redisBytesPerF0: number;
  redisCpuSecondsPerF0: number;
  redisProcesses: number;
  /** A frame carrying one key push (14 keys) on the wire, bytes. */
  pushFrameBytes: number;
  /** Pushes per frame in the replayed outbreak (pushes due during a fan-out share a frame). */
  pushesPerFrame: number;
  /** Key-push frames one process delivered per second while fanning a push out. */
  pushFramesPerSecondPerProcess: number;
}

export const VIETNAM_ASSUMPTIONS: PlanAssumptions = {
  population: 97_600_000,
  adoption: 0.6,
  f0PerDay: 10_000,
  windowDays: 14,
  idsPerDay: getIdScheme("bluezone").slotsPerDay,
};

export function capacityPlan(a: PlanAssumptions, m: PlanMeasured) {
  const r = planRates(a, m);
  return {
    extrapolated: true,
    note: "Extrapolated from this machine's per-process figures: assumes they hold as processes and machines are added, one Redis for all (the Redis store is not Cluster-ready), loopback networking, and the replayed sample's contacts per F0 for the national outbreak.",
    assumptions: assumptionLines(a, r),
    connections: connectionLines(m, r),
    pushes: pushLines(a, m, r),
    uploads: uploadLines(a, m),
    redis: redisLines(m, r),
    phones: phoneLines(m, r),
  };
}

export type CapacityPlan = ReturnType<typeof capacityPlan>;
