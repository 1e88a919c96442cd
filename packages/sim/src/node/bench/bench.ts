import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { machine } from "../process/machine.js";

/**
 * OpenABM-Covid19 on this machine type (docs/BENCHMARKS.md, "The machine"): 1M agents,
 * 12.65 contacts/agent/day, 1.08 s/day.
 */
export const OPENABM = { contactPairsPerSecond: 5.9e6, bytesPerAgent: 3956 };

export interface SimBenchCase {
  name: string;
  scenario: string;
  /** 0: the scenario's whole population. */
  agents: number;
  days: number;
  threads: number;
  runs: number;
}

export interface SimBenchResult extends SimBenchCase {
  agentsSimulated: number;
  /** Whole-process wall time, median over runs (spawn to exit). */
  medianSeconds: number;
  seconds: number[];
  contactPairs: number;
  contactsPerAgentPerDay: number;
  contactPairsPerSecond: number;
  agentDaysPerSecond: number;
  peakRssBytes: number;
  peakBytesPerAgent: number;
  vsOpenAbm: { contactPairsPerSecond: number; bytesPerAgent: number };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function runChild(c: SimBenchCase): Promise<{ seconds: number; out: Record<string, number> }> {
  const child = new URL("./bench-child.js", import.meta.url).pathname;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      [child, c.scenario, String(c.agents), String(c.days), String(c.threads)],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
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

/** Runs a case `runs` times, each in a fresh process, and reports medians. */
export async function benchSimCase(
  c: SimBenchCase,
  log = (_: string) => {},
): Promise<SimBenchResult> {
  const seconds: number[] = [];
  let last: Record<string, number> = {};
  let peak = 0;
  for (let i = 0; i < c.runs; i++) {
    const r = await runChild(c);
    seconds.push(r.seconds);
    last = r.out;
    peak = Math.max(peak, r.out.peakRssBytes!);
    log(`${c.name}: run ${i + 1}/${c.runs} ${r.seconds.toFixed(2)} s`);
  }
  const med = median(seconds);
  const pairsPerSecond = last.contactPairs! / med;
  const bytesPerAgent = peak / last.agents!;
  return {
    ...c,
    agentsSimulated: last.agents!,
    medianSeconds: med,
    seconds,
    contactPairs: last.contactPairs!,
    contactsPerAgentPerDay: last.contactsPerAgentPerDay!,
    contactPairsPerSecond: pairsPerSecond,
    agentDaysPerSecond: (last.agents! * last.days!) / med,
    peakRssBytes: peak,
    peakBytesPerAgent: bytesPerAgent,
    vsOpenAbm: {
      contactPairsPerSecond: pairsPerSecond / OPENABM.contactPairsPerSecond,
      bytesPerAgent: bytesPerAgent / OPENABM.bytesPerAgent,
    },
  };
}

/** The simulator's benchmark cases: Hưng Yên whole × 14 days, and Viet Nam for one day. */
export function simBenchCases(quick: boolean): SimBenchCase[] {
  const threads = availableParallelism();
  if (quick)
    return [
      {
        name: "hung-yen-sample",
        scenario: "hung-yen-2020-08-18",
        agents: 50_000,
        days: 3,
        threads,
        runs: 1,
      },
    ];
  return [
    {
      name: "hung-yen",
      scenario: "hung-yen-2020-08-18",
      agents: 1_252_644,
      days: 14,
      threads,
      runs: 3,
    },
    {
      name: "hung-yen-one-thread",
      scenario: "hung-yen-2020-08-18",
      agents: 1_252_644,
      days: 14,
      threads: 0,
      runs: 3,
    },
    { name: "vietnam-one-day", scenario: "vietnam-2020-08", agents: 0, days: 1, threads, runs: 1 },
  ];
}

export async function benchSim(quick: boolean, log?: (line: string) => void) {
  const cases: SimBenchResult[] = [];
  for (const c of simBenchCases(quick)) cases.push(await benchSimCase(c, log));
  return { machine: machine(), anchor: { openAbm: OPENABM }, cases };
}
