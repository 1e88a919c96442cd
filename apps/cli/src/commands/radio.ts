import { EXPOSURE_RULE_NAMES, type ExposureRuleName } from "@tracebed/protocol";
import { BENCH_SETUP_NAMES, BENCH_SETUPS, RADIO_ENVIRONMENTS, runRadioBench } from "@tracebed/sim";
import { Argument, type Command, InvalidArgumentError, Option } from "commander";
import { printJson, SCHEMA_VERSION } from "../document.js";
import { nonNegativeInt, positiveInt } from "../options.js";
import { VERSION } from "../version.js";
import { formatRadioBench } from "./radio-text.js";

interface RadioFlags {
  rule: ExposureRuleName;
  seed: number;
  minutes: number;
  replicates: number;
  json?: boolean;
}

/** Keeps a mistyped --replicates from hanging the command (≈ 1 s per 100,000 pairs). */
const MAX_REPLICATES = 100_000;

function replicates(value: string): number {
  const n = positiveInt(value);
  if (n > MAX_REPLICATES) throw new InvalidArgumentError(`must be at most ${MAX_REPLICATES}`);
  return n;
}

const HELP = `
Replays a published measurement through the simulator's radio model: handsets at the
set-up's distances in its environment for its exposure time, scanned every 5 minutes, judged
by the rule. Rates are shares of ordered handset pairs (a receiver logging an advertiser)
notified, pooled over all replays: true-positive rate over pairs within 2 m, false-positive
rate over pairs beyond (null when the set-up has none). docs/MODEL.md lists every parameter.

Examples:
  $ tracebed radio tram-dublin --rule italian
  $ tracebed radio bus-dublin --rule threshold --minutes 10 --json`;

export function registerRadio(program: Command): void {
  program
    .command("radio")
    .description("Replay a bus or tram measurement through the radio model and a detection rule.")
    .addArgument(new Argument("<setup>", "measurement set-up").choices(BENCH_SETUP_NAMES))
    .addOption(
      new Option("--rule <rule>", "detection rule")
        .choices(EXPOSURE_RULE_NAMES)
        .makeOptionMandatory(),
    )
    .option(
      "--seed <S>",
      "random seed: same set-up, flags and seed give the same output",
      nonNegativeInt,
      1,
    )
    .option("--minutes <M>", "exposure-duration threshold of the rule, minutes", positiveInt, 15)
    .option("--replicates <R>", "independent replays of the experiment, pooled", replicates, 200)
    .option("--json", "print one JSON document on stdout")
    .addHelpText("after", HELP)
    .action((setupName: string, flags: RadioFlags) => {
      const setup = BENCH_SETUPS[setupName]!;
      const result = runRadioBench(setup, {
        rule: flags.rule,
        minutes: flags.minutes,
        seed: flags.seed,
        replicates: flags.replicates,
      });
      const doc = {
        schemaVersion: SCHEMA_VERSION,
        version: VERSION,
        ...result,
        setupName: setup.name,
        positions: setup.positions,
        exposureMinutes: setup.exposureMinutes,
        scanMinutes: setup.scanMinutes,
        source: setup.source,
        environmentSources: RADIO_ENVIRONMENTS[setup.environment].sources,
      };
      if (flags.json) printJson(doc);
      else process.stdout.write(formatRadioBench(doc));
    });
}
