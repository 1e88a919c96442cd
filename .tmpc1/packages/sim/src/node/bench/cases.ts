// The simulator's benchmark cases (docs/BENCHMARKS.md, "Simulator"), for the one runner:
// `npm run bench -w packages/sim` runs them through tracebed-bench, `tracebed bench` through
// benchSim. Each run is a fresh process (bench-child.ts), timed from spawn to exit.
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import type { BenchCase, BenchRegistry } from "@tracebed/bench";

/**
 * OpenABM-Covid19 on this machine type (docs/BENCHMARKS.md, "The machine"): 1M agents,
 * 12.65 contacts/agent/day, 1.08 s/day.
 */
export const OPENABM = { contactPairsPerSecond: 5.9e6, bytesPerAgent: 3956 };

/** A case's workload. */
export interface SimBenchCase {
  name: string;
  scenario: string;
  /** 0: the scenario's whole population. */
  agents: number;
  days: number;
  threads: number;
  runs: number;
}

/** One run's figures. */
export interface SimBenchRun {
  /** Whole-process wall time, spawn to exit. */
  seconds: number;
  agentsSimulated: number;
  contactPairs: number;
  contactsPerAgentPerDay: number;
  contactPairsPerSecond: number;
  agentDaysPerSecond: number;
  peakRssBytes: number;
  peakBytesPerAgent: number;
  vsOpenAbm: { contactPairsPerSecond: number; bytesPerAgent: number };
}

function runChild(c: SimBenchCase): Promise<{ seconds: number; out: Record<string, number> }> {
  const child = new URL("./bench-child.js", import.meta.url).pathname;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      [child, c.scenario, String(c.agents), String(c.days), String(c.threads)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    p.stdout.on("data", (d) => {
      out += d;
    });
    p.on("error", reject);
    p.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`benchmark run ${c.name} exited with ${code}`));
      else resolve({ seconds, out: JSON.parse(out) });
    });
  });
}

/** One case for the runner: a run in a fresh process, its rates against OpenABM's. */
export function simBenchCase(c: SimBenchCase): BenchCase<SimBenchRun> {
  const threads = c.threads > 0 ? `${c.threads} threads` : "one thread";
  return {
    name: c.name,
    what: `${c.scenario}, ${c.agents || "every"} agents × ${c.days} days, ${threads}, a fresh process`,
    runs: c.runs,
    async run(log) {
      const { seconds, out } = await runChild(c);
      log(`${seconds.toFixed(2)} s`);
      const pairsPerSecond = out.contactPairs! / seconds;
      const bytesPerAgent = out.peakRssBytes! / out.agents!;
      return {
        seconds,
        agentsSimulated: out.agents!,
        contactPairs: out.contactPairs!,
        contactsPerAgentPerDay: out.contactsPerAgentPerDay!,
        contactPairsPerSecond: pairsPerSecond,
        agentDaysPerSecond: (out.agents! * out.days!) / seconds,
        peakRssBytes: out.peakRssBytes!,
        peakBytesPerAgent: bytesPerAgent,
        vsOpenAbm: {
          contactPairsPerSecond: pairsPerSecond / OPENABM.contactPairsPerSecond,
          bytesPerAgent: bytesPerAgent / OPENABM.bytesPerAgent,
        },
      };
    },
  };
}

/** The workloads: Hưng Yên whole × 14 days (two threads and one), and Viet Nam for one day. */
export function simBenchWorkloads(quick: boolean): SimBenchCase[] {
  const threads = availableParallelism();
  const hungYen = { scenario: "hung-yen-2020-08-18", agents: 1_252_644, days: 14 };
  if (quick)
    return [{ ...hungYen, name: "hung-yen-sample", agents: 50_000, days: 3, threads, runs: 1 }];
  return [
    { ...hungYen, name: "hung-yen", threads, runs: 3 },
    { ...hungYen, name: "hung-yen-one-thread", threads: 0, runs: 3 },
    { name: "vietnam-one-day", scenario: "vietnam-2020-08", agents: 0, days: 1, threads, runs: 1 },
  ];
}

/** The registry tracebed-bench reads. */
export const benchCases: BenchRegistry = ({ quick }) => simBenchWorkloads(quick).map(simBenchCase);
