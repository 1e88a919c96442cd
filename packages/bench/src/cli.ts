import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BenchRegistry, CaseReport } from "./case.js";
import { machine } from "./machine.js";
import { pick, runCases } from "./run.js";
import { reportTable } from "./table.js";

export interface BenchArgs {
  module: string;
  names: string[];
  runs: number | undefined;
  quick: boolean;
  json: boolean;
  options: Record<string, string>;
}

export const USAGE =
  "usage: tracebed-bench MODULE [CASE…] [--runs N] [--quick] [--json] [--OPTION VALUE…]";

/** The command line: a bench module, case names, the runner's flags, the cases' own options. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const out: BenchArgs = {
    module: "",
    names: [],
    runs: undefined,
    quick: false,
    json: false,
    options: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--quick") out.quick = true;
    else if (a === "--json") out.json = true;
    else if (a.startsWith("--")) {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${a} needs a value`);
      if (a === "--runs") {
        out.runs = Number(value);
        if (!Number.isInteger(out.runs) || out.runs < 1) throw new Error("--runs must be ≥ 1");
      } else out.options[a.slice(2)] = value;
    } else if (out.module === "") out.module = a;
    else out.names.push(a);
  }
  if (out.module === "") throw new Error(USAGE);
  return out;
}

/** The document `--json` prints. */
export interface BenchDocument {
  benchmark: string;
  startedAt: string;
  seconds: number;
  machine: ReturnType<typeof machine>;
  options: Record<string, string>;
  quick: boolean;
  cases: CaseReport[];
}

/** Loads the module's registry, runs the cases asked for; progress on stderr, result on stdout. */
export async function benchMain(argv: readonly string[]): Promise<BenchDocument> {
  const a = parseBenchArgs(argv);
  const mod = (await import(pathToFileURL(resolve(a.module)).href)) as {
    benchCases?: BenchRegistry;
  };
  if (typeof mod.benchCases !== "function") {
    throw new Error(`${a.module} exports no benchCases (see docs/BENCHMARKS.md)`);
  }
  const cases = pick(mod.benchCases({ quick: a.quick, options: a.options }), a.names);
  const started = Date.now();
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const reports = await runCases(cases, { ...(a.runs ? { runs: a.runs } : {}), log });
  const doc: BenchDocument = {
    benchmark: a.module,
    startedAt: new Date(started).toISOString(),
    seconds: Math.round((Date.now() - started) / 100) / 10,
    machine: machine(),
    options: a.options,
    quick: a.quick,
    cases: reports,
  };
  process.stdout.write(a.json ? `${JSON.stringify(doc, null, 2)}\n` : reportTable(reports));
  return doc;
}
