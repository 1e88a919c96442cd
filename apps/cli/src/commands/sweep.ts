import { writeFileSync } from "node:fs";
import {
  configFromScenario,
  inlineRunner,
  parseRange,
  type SweepPoint,
  sweep,
} from "@tracebed/sim";
import { workerRunner } from "@tracebed/sim/node";
import { type Command, Option } from "commander";
import { documentHeader, printJson } from "../document.js";
import { positiveInt } from "../options.js";
import { Progress } from "../progress.js";
import { addRunFlags, loadScenario, type RunFlags, runOptions } from "../run-options.js";
import { UsageError } from "../usage-error.js";
import { sweepCsv } from "./sweep-csv.js";

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

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function table(points: readonly SweepPoint[], mode: string): string {
  const lines = [
    `${(mode === "adoption" ? "uniform" : "target").padEnd(8)} adoption  F1 recall per F0 [95% CI] F2 recall per F0 [95% CI] a²      a³      beyond manual per app-using F0`,
  ];
  for (const p of points) {
    const r = (s: SweepPoint["f1"]["recall"]) =>
      `${pct(s.mean).padStart(6)} [${pct(s.ci95[0])}, ${pct(s.ci95[1])}]`.padEnd(26);
    lines.push(
      `${p.value.toFixed(3).padEnd(8)} ${pct(p.adoption.mean).padStart(8)}  ${r(p.perF0.f1Recall)}${r(p.perF0.f2Recall)}${pct(p.reference.a2).padEnd(8)}${pct(p.reference.a3).padEnd(8)}${p.beyondManualPerF0.mean.toFixed(2)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export function registerSweep(program: Command): void {
  const cmd = program
    .command("sweep")
    .description(
      "Runs over a range of adoption and many seeds: mean, 95% CI of the mean, 5th–95th percentiles.",
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
    const progress = new Progress();
    let result: Awaited<ReturnType<typeof sweep>>;
    try {
      result = await sweep(
        points,
        seeds,
        (point, seed) =>
          configFromScenario(
            scenario,
            runOptions(
              { ...base, seed },
              mode === "adoption"
                ? { kind: "uniform", share: point }
                : { kind: "target", share: point },
            ),
          ),
        flags.threads > 0 ? workerRunner(flags.threads) : inlineRunner,
        {
          ...(flags.by ? { by: flags.by } : {}),
          onDone: (done, total) => progress.update("runs", done, total),
        },
      );
    } finally {
      progress.stop();
    }
    if (flags.csv) writeFileSync(flags.csv, sweepCsv(result.points, flags.by));
    if (flags.json) {
      printJson({
        ...documentHeader(scenario),
        mode,
        range: (flags.adoption ?? flags.target)!,
        by: flags.by ?? null,
        ...result,
      });
    } else process.stdout.write(table(result.points, mode));
  });
}
