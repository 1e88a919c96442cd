import type { BenchCase, CaseReport } from "./case.js";
import { medianOf } from "./median.js";

export interface RunOptions {
  /** Runs per case (default: each case's own). */
  runs?: number;
  log?: (line: string) => void;
}

/** Runs one case its number of times, one run after another, and folds the runs into medians. */
export async function runCase<Run extends object>(
  c: BenchCase<Run>,
  o: RunOptions = {},
): Promise<CaseReport<Run>> {
  const log = o.log ?? (() => {});
  const runs = Math.max(1, o.runs ?? c.runs);
  const each: Run[] = [];
  for (let i = 0; i < runs; i++) {
    each.push(await c.run((line) => log(`${c.name}: ${line}`)));
    if (runs > 1) log(`${c.name}: run ${i + 1}/${runs} done`);
  }
  return { name: c.name, what: c.what, runs, median: medianOf(each), each };
}

/** Runs cases in order (never two at once: they would share the cores they measure). */
export async function runCases(
  cases: readonly BenchCase[],
  o: RunOptions = {},
): Promise<CaseReport[]> {
  const out: CaseReport[] = [];
  for (const c of cases) out.push(await runCase(c, o));
  return out;
}

/** The cases named, in the registry's order; all of them when none is named. */
export function pick<C extends { name: string }>(
  registry: readonly C[],
  names: readonly string[],
): C[] {
  const unknown = names.filter((n) => !registry.some((c) => c.name === n));
  if (unknown.length > 0) {
    const known = registry.map((c) => c.name).join(", ");
    throw new Error(`unknown benchmark case ${unknown.join(", ")} (cases: ${known})`);
  }
  return names.length === 0 ? [...registry] : registry.filter((c) => names.includes(c.name));
}
