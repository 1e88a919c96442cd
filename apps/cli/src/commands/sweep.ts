import { writeFileSync } from "node:fs";
import {
  configFromScenario,
  inlineRunner,
  parseRange,
  sampleRegions,
  sweep,
  sweepCsv,
} from "@tracebed/sim";
import { workerRunner } from "@tracebed/sim/node";
import { type Command, Option } from "commander";
import { documentHeader, printJson } from "../document.js";
import { positiveInt } from "../options.js";
import { Progress } from "../progress.js";
import { addRunFlags, loadScenario, type RunFlags, runOptions } from "../run-options.js";
import { UsageError } from "../usage-error.js";
import { sweepCapWarning, sweepSaturationWarning, writeWarnings } from "../warnings.js";
import { deltasTable, partsTable, pointsTable } from "./sweep-text.js";

interface SweepFlags extends Omit<RunFlags, "adoption" | "target"> {
  adoption?: string;
  target?: string;
  seeds: number;
  by?: "region" | "group";
  json?: boolean;
  csv?: string;
}

function range(text: string, flag: string): number[] {
  let points: number[];
  try {
    points = parseRange(text, flag);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (points.some((p) => p < 0 || p > 1))
    throw new UsageError(`${flag}: shares must be fractions from 0 to 1`);
  return points;
}

export function registerSweep(program: Command): void {
  const cmd = program
    .command("sweep")
    .description(
      "Runs over a range of adoption and many seeds: mean, 95% interval of the mean (a bootstrap over seeds), 5th–95th percentiles.",
    )
    .argument("<scenario>", "scenario name (see scenarios/) or path to a scenario JSON file")
    .addOption(
      new Option(
        "--adoption <FROM:TO:STEP>",
        "uniform adoption shares of the population, TO included",
      ).conflicts("target"),
    )
    .addOption(
      new Option(
        "--target <FROM:TO:STEP>",
        "the scenario's policy scaled to each share of its target's denominator",
      ),
    )
    .requiredOption("--seeds <N>", "seeds per point (the first is --seed)", positiveInt)
    .addOption(
      new Option("--by <part>", "also break results down by region or group").choices([
        "region",
        "group",
      ]),
    )
    .option("--json", "print one JSON document on stdout")
    .option("--csv <FILE>", "also write the points as CSV");
  addRunFlags(cmd, { adoption: false }).action(async (name: string, flags: SweepFlags) => {
    if ((flags.adoption === undefined) === (flags.target === undefined)) {
      throw new UsageError(
        "sweep needs exactly one of --adoption FROM:TO:STEP or --target FROM:TO:STEP",
      );
    }
    const mode = flags.adoption !== undefined ? "adoption" : "target";
    const points = range((flags.adoption ?? flags.target)!, `--${mode}`);
    const scenario = loadScenario(name);
    const seeds = Array.from({ length: flags.seeds }, (_, i) => flags.seed + i);
    const base = { ...flags, adoption: undefined, target: undefined };
    const configOf = (point: number, seed: number) =>
      configFromScenario(
        scenario,
        runOptions(
          { ...base, seed },
          mode === "adoption"
            ? { kind: "uniform", share: point }
            : { kind: "target", share: point },
        ),
      );
    const first = configOf(points[0]!, seeds[0]!);
    const agents = first.regions.reduce((a, r) => a + r.agents, 0);
    const progress = new Progress();
    const total = points.length * seeds.length;
    const started = performance.now();
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
    progress.line(
      `sweep of ${scenario.id}: ${points.length} points × ${seeds.length} seeds = ${total} runs of ${agents.toLocaleString("en-US")} agents on ${flags.threads > 0 ? `${flags.threads} worker threads` : "this thread"}`,
    );
    let result: Awaited<ReturnType<typeof sweep>>;
    try {
      result = await sweep(
        points,
        seeds,
        configOf,
        flags.threads > 0 ? workerRunner(flags.threads) : inlineRunner,
        {
          ...(flags.by ? { by: flags.by } : {}),
          regions: sampleRegions(scenario, agents),
          onDone: (done, all) => {
            progress.update("runs", done, all);
            // Runs are queued point by point; a point's worth of runs is done every `seeds`.
            if (done % seeds.length === 0) {
              const k = done / seeds.length;
              progress.line(
                `point ${k}/${points.length} (${points[k - 1]}) done: ${done}/${all} runs, ${seconds()} s`,
              );
            }
          },
        },
      );
    } finally {
      progress.stop();
    }
    progress.line(`sweep finished: ${total} runs in ${seconds()} s`);
    const warnings = [
      mode === "target" ? sweepCapWarning(result.points, first.adoption, agents) : undefined,
      sweepSaturationWarning(result.points, agents),
    ].filter((w): w is string => w !== undefined);
    writeWarnings(warnings);
    if (flags.csv) {
      const meta = { scenario: scenario.id, mode, agents, seeds: seeds.length, seed: flags.seed };
      writeFileSync(
        flags.csv,
        sweepCsv(result.points, { ...meta, ...(flags.by ? { by: flags.by } : {}) }),
      );
    }
    if (flags.json) {
      printJson({
        ...documentHeader(scenario),
        mode,
        range: (flags.adoption ?? flags.target)!,
        by: flags.by ?? null,
        agents,
        warnings,
        ...result,
      });
      return;
    }
    process.stdout.write(pointsTable(result.points, mode));
    if (flags.by) {
      const names = new Map(
        flags.by === "region"
          ? scenario.regions.map((r) => [r.id, r.name] as const)
          : first.groups.map((g) => [g.id, g.id] as const),
      );
      process.stdout.write(`\n${partsTable(result.points, flags.by, names, seeds.length)}`);
      const deltas = deltasTable(result.points, flags.by, names);
      if (deltas) process.stdout.write(`\n${deltas}`);
    }
  });
}
