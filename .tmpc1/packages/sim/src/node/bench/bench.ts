// The simulator's benchmark as `tracebed bench --json` reports it (its `sim` section): the
// cases of cases.ts through the one runner, each run's figures folded into their medians.
import { machine, runCase } from "@tracebed/bench";
import {
  OPENABM,
  type SimBenchCase,
  type SimBenchRun,
  simBenchCase,
  simBenchWorkloads,
} from "./cases.js";

export type { SimBenchCase } from "./cases.js";

export type SimBenchResult = SimBenchCase &
  Omit<SimBenchRun, "seconds"> & {
    /** Whole-process wall time, median over runs (spawn to exit). */
    medianSeconds: number;
    seconds: number[];
  };

/** The cases of cases.ts, each run its own number of times or `runs`. */
export async function benchSim(
  quick: boolean,
  log: (line: string) => void = () => {},
  runs?: number,
) {
  const cases: SimBenchResult[] = [];
  for (const c of simBenchWorkloads(quick)) {
    const r = await runCase(simBenchCase(c), { log, ...(runs ? { runs } : {}) });
    const { seconds, ...median } = r.median;
    cases.push({
      ...c,
      runs: r.runs,
      ...median,
      medianSeconds: seconds,
      seconds: r.each.map((e) => e.seconds),
    });
  }
  return { machine: machine(), anchor: { openAbm: OPENABM }, cases };
}
