import type { DesignName } from "@tracebed/protocol";
import {
  configFromScenario,
  fromShareOfPopulation,
  populationTarget,
  type Scenario,
  type SimConfig,
  smartphoneShare,
} from "@tracebed/sim";

/** One simulated run as the page asks for it (plain data: it crosses to the Worker). */
export interface JobSpec {
  mode: "uniform" | "policy";
  /** Share of the whole population the run aims at (the slider's unit). */
  value: number;
  seed: number;
  agents: number;
  f0: number;
  f0From: "all" | "app";
  ble: "realistic" | "ideal";
  /** Whose rule finds the F1/F2 (the simulator's design registry). */
  design: DesignName;
}

/**
 * The simulator's config for a job. Uniform: that share of everyone, at random. Policy: the
 * scenario's own pattern (districts, groups at 100%, smartphone owners only) scaled so the
 * whole reaches the value — `tracebed simulate --target`, the value restated on the
 * denominator of the scenario's population-wide target.
 */
export function jobConfig(s: Scenario, job: JobSpec): SimConfig {
  const adoption =
    job.mode === "uniform"
      ? { kind: "uniform" as const, share: job.value }
      : {
          kind: "target" as const,
          share: Math.min(1, fromShareOfPopulation(s, job.value, populationTarget(s))),
        };
  return configFromScenario(s, {
    seed: job.seed,
    agents: job.agents,
    adoption,
    f0: job.f0,
    f0From: job.f0From === "app" ? "appUsers" : "all",
    ble: job.ble,
  });
}

/** The sweep's adoption values: 5% → 100% (8% and 60%, the letters' range, included). */
export const UNIFORM_GRID: readonly number[] = [
  0.05, 0.08, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1,
];

/**
 * Under a policy only smartphone owners install, so adoption cannot pass their share: the
 * grid stops there (and includes it).
 */
export function sweepGrid(s: Scenario, mode: "uniform" | "policy"): number[] {
  if (mode === "uniform") return [...UNIFORM_GRID];
  const cap = Math.floor(smartphoneShare(s) * 1000) / 1000;
  return [...UNIFORM_GRID.filter((v) => v < cap - 0.01), cap];
}
