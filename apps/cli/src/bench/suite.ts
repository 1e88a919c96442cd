/*
 * `tracebed bench`: the simulator's benchmark, then the matcher on its embedded store (one
 * `serve` process) and on Redis (several `serve` processes on one redis-server), each holding
 * as many idle phones as the measurement asks while the fleet replays an outbreak through it;
 * then a capacity plan from the measured figures. Servers, idle phones and the fleet are
 * separate processes; nothing here is a constant result, only sizes of the workload.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { type BenchCase, machine, pick, runCase } from "@tracebed/bench";
import { benchSim } from "@tracebed/sim/node";
import { round } from "./measure.js";
import { capacityPlan, type PlanMeasured, VIETNAM_ASSUMPTIONS } from "./plan.js";
import { openFileLimit } from "./processes.js";
import { benchStore } from "./store-bench.js";
import type { StoreResult, StoreWorkload } from "./store-result.js";

export type { StoreResult, StoreWorkload } from "./store-result.js";

export function workloads(quick: boolean): { memory: StoreWorkload; redis: StoreWorkload } {
  const outbreak = quick
    ? { agents: 600, days: 3, adoption: 0.6, f0: 2, f0Rate: 5, ble: "ideal" as const }
    : {
        agents: 2_000,
        days: 5,
        adoption: 0.6,
        f0: 5,
        // The plan's national rate: every process fans out every push, as it would nationally.
        f0Rate: VIETNAM_ASSUMPTIONS.f0PerDay / 86_400,
        ble: "ideal" as const,
      };
  const uploads = quick
    ? { seconds: 1.5, concurrency: 16, entries: 20 }
    : { seconds: 10, concurrency: 64, entries: 20 };
  const limit = openFileLimit() ?? 20_000;
  // Each server holds its idle phones, the fleet's share and a few files of its own.
  const idle = quick ? 150 : Math.min(17_500, limit - 2_400);
  return {
    memory: {
      servers: 1,
      idlePerServer: idle,
      warmupPerServer: quick ? 10 : 100,
      clientProcesses: quick ? 1 : Math.max(2, Math.ceil(idle / 12_000)),
      settleMs: quick ? 300 : 10_000,
      probeWaitMs: quick ? 500 : 3_000,
      outbreak,
      uploads,
    },
    redis: {
      servers: 2,
      idlePerServer: idle,
      warmupPerServer: quick ? 10 : 100,
      clientProcesses: quick ? 1 : Math.max(2, Math.ceil((2 * idle) / 12_000)),
      settleMs: quick ? 300 : 10_000,
      probeWaitMs: quick ? 500 : 3_000,
      outbreak,
      uploads,
    },
  };
}

function planInputs(mem: StoreResult, red: StoreResult): PlanMeasured {
  const f0 = Math.max(1, red.f0);
  return {
    connectionsPerProcess: mem.connectionsPerProcess,
    bytesPerConnection: mem.bytesPerConnection,
    phonesPerMachine: red.connections,
    processesPerMachine: red.processes,
    cpusPerMachine: availableParallelism(),
    uploadsPerSecondPerProcess: mem.uploadsPerSecond,
    uploadsPerF0: red.outbreak.uploads.acknowledged / f0,
    pushesPerF0: (red.f0 + red.outbreak.f1.notified) / f0,
    // Without idle phones, so that the push fan-out (counted apart) is not in it twice.
    serverCpuSecondsPerF0: red.withoutIdlePhones.serverCpuSeconds / f0,
    redisCommandsPerF0: (red.redis?.outbreak.commands ?? 0) / f0,
    redisBytesPerF0: (red.redis?.outbreak.bytes ?? 0) / f0,
    redisCpuSecondsPerF0: (red.redis?.outbreak.cpuSeconds ?? 0) / f0,
    redisProcesses: red.processes,
    pushFrameBytes: mem.fanOut.probe.frameBytes,
    pushFramesPerSecondPerProcess: mem.fanOut.probe.framesPerServerCpuSecond,
    pushesPerFrame: red.fanOut.pushesPerFrame,
  };
}

/** Reach targets of issue 5, checked against what was measured. */
function targets(mem: StoreResult, red: StoreResult) {
  const worstP99 = Math.max(mem.latencyMs.notifyP99, red.latencyMs.notifyP99);
  const worstBytes = Math.max(mem.bytesPerConnection, red.bytesPerConnection);
  return {
    memoryPhones: { target: 18_000, measured: mem.connections, met: mem.connections >= 18_000 },
    redisPhones: { target: 36_000, measured: red.connections, met: red.connections >= 36_000 },
    notifyP99Ms: { target: 2_000, measured: worstP99, met: worstP99 <= 2_000 },
    bytesPerConnection: { target: 32 * 1024, measured: worstBytes, met: worstBytes <= 32 * 1024 },
  };
}

export interface BenchDocument {
  benchmark: string;
  quick: boolean;
  /** The cases run (sim, memory, redis) and how many runs each figure is the median of. */
  cases: string[];
  runs: number | null;
  startedAt: string;
  seconds: number;
  machine: ReturnType<typeof machine> & { openFiles: number | null; ephemeralPorts: string | null };
  sim?: Awaited<ReturnType<typeof benchSim>>;
  /** Both stores, their ratios, the plan and the targets when both were measured. */
  matcher?: {
    memory?: StoreResult;
    redis?: StoreResult;
    /** memory ÷ redis, figure by figure. */
    memoryToRedis?: Record<string, number>;
  };
  plan?: ReturnType<typeof capacityPlan>;
  targets?: ReturnType<typeof targets>;
}

/** The cases of `tracebed bench`, in the order they run. */
export const BENCH_CASE_NAMES = ["sim", "memory", "redis"] as const;

export interface BenchRequest {
  quick: boolean;
  /** Runs per case (each figure the median over them); default: each case's own. */
  runs?: number;
  /** Case names (BENCH_CASE_NAMES); all when empty. */
  cases: readonly string[];
}

/** One store's measurement as a case of the runner: its StoreResult, a median over runs. */
function storeCase(
  store: StoreResult["store"],
  w: StoreWorkload,
  haToken: string,
  runId: string,
  log: (line: string) => void,
): BenchCase<StoreResult> {
  let run = 0;
  return {
    name: store,
    what: `the matcher on the ${store} store (${w.servers} serve process(es)) holding idle phones while the fleet replays an outbreak`,
    runs: 1,
    // Its steps log with the store's name already.
    run: () => benchStore(store, w, haToken, `${runId}${run++ || ""}`, log),
  };
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : round(a / b, 2));

function memoryToRedis(memory: StoreResult, redis: StoreResult): Record<string, number> {
  return {
    uploadsPerSecond: ratio(memory.uploadsPerSecond, redis.uploadsPerSecond),
    connectionsPerProcess: ratio(memory.connectionsPerProcess, redis.connectionsPerProcess),
    bytesPerConnection: ratio(memory.bytesPerConnection, redis.bytesPerConnection),
    notifyP50: ratio(memory.latencyMs.notifyP50, redis.latencyMs.notifyP50),
    notifyP99: ratio(memory.latencyMs.notifyP99, redis.latencyMs.notifyP99),
    serverCpuSecondsPerF0: ratio(
      memory.outbreak.serverCpuSeconds / Math.max(1, memory.f0),
      redis.outbreak.serverCpuSeconds / Math.max(1, redis.f0),
    ),
  };
}

function portRange(): string | null {
  try {
    return readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8")
      .trim()
      .replace(/\s+/, "-");
  } catch {
    return null;
  }
}

export async function runBench(
  req: BenchRequest,
  log: (line: string) => void,
): Promise<BenchDocument> {
  const { quick } = req;
  const names = pick(
    BENCH_CASE_NAMES.map((name) => ({ name })),
    req.cases,
  ).map((c) => c.name);
  const started = Date.now();
  const runId = `b${randomBytes(3).toString("hex")}`;
  const haToken = `bench-${randomBytes(12).toString("hex")}`;
  const w = workloads(quick);
  const runs = req.runs ? { runs: req.runs } : {};
  const store = async (name: StoreResult["store"]) =>
    names.includes(name)
      ? (await runCase(storeCase(name, w[name], haToken, runId, log), { ...runs, log })).median
      : undefined;
  let sim: BenchDocument["sim"];
  if (names.includes("sim")) {
    log(`sim: ${quick ? "quick" : "full"} cases`);
    sim = await benchSim(quick, (line) => log(`sim: ${line}`), req.runs);
  }
  const memory = await store("memory");
  const redis = await store("redis");
  const both = memory && redis;
  return {
    benchmark: "tracebed bench",
    quick,
    cases: names,
    runs: req.runs ?? null,
    startedAt: new Date(started).toISOString(),
    seconds: round((Date.now() - started) / 1000, 1),
    machine: { ...machine(), openFiles: openFileLimit(), ephemeralPorts: portRange() },
    ...(sim ? { sim } : {}),
    ...(memory || redis
      ? {
          matcher: {
            ...(memory ? { memory } : {}),
            ...(redis ? { redis } : {}),
            ...(both ? { memoryToRedis: memoryToRedis(memory, redis) } : {}),
          },
        }
      : {}),
    ...(both
      ? {
          plan: capacityPlan(VIETNAM_ASSUMPTIONS, planInputs(memory, redis)),
          targets: targets(memory, redis),
        }
      : {}),
  };
}
