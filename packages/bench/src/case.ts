/**
 * A benchmark case: one measurement with a name, run `runs` times by the runner, which reports
 * the median of every figure a run returns. A run returns plain JSON: numbers (the figures),
 * nested objects and arrays of them, strings and booleans (carried from the median run).
 */
export interface BenchCase<Run extends object = object> {
  /** Its name in the registry, chosen on the command line. */
  name: string;
  /** One line: what a run measures, over what workload. */
  what: string;
  /** How many runs by default (the runner's `runs` option overrides it). */
  runs: number;
  /** One run; progress lines go to `log` (stderr), never to stdout. */
  run(log: (line: string) => void): Promise<Run>;
}

/** What a workspace's bench module exports as `benchCases`: its registry, sized by the options. */
export type BenchRegistry = (o: BenchOptions) => readonly BenchCase[];

export interface BenchOptions {
  /** Small sizes: a seconds-long smoke run. */
  quick: boolean;
  /** Any other `--name value` flag given on the command line, for the cases that take one. */
  options: Readonly<Record<string, string>>;
}

/** One case's report: every run's figures and their medians. */
export interface CaseReport<Run extends object = object> {
  name: string;
  what: string;
  runs: number;
  /** The median of every number over the runs (see medianOf). */
  median: Run;
  each: Run[];
}
