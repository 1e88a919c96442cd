import type { DesignName } from "@tracebed/protocol";
import {
  configFromScenario,
  DEFAULT_SCENARIO,
  type DesignRun,
  peopleRows,
  runSaturation,
  sampleRegions,
  simDesignNames,
  simulateDesign,
} from "@tracebed/sim";
import { peakRssBytes, workerScanner } from "@tracebed/sim/node";
import { type Command, Option } from "commander";
import { documentHeader, printJson } from "../document.js";
import { share } from "../options.js";
import { Progress } from "../progress.js";
import {
  addRunFlags,
  adoptionChoice,
  loadScenario,
  type RunFlags,
  runOptions,
} from "../run-options.js";
import { UsageError } from "../usage-error.js";
import { capWarning, saturationWarning, writeWarnings } from "../warnings.js";
import { formatSimulation } from "./simulate-text.js";

interface SimulateFlags extends RunFlags {
  json?: boolean;
  detail?: boolean;
  design: DesignName;
  gaenF1Upload: number;
}

/** What the figures count: the document's own glossary (docs/MODEL.md, "Definitions"). */
export const DEFINITIONS = {
  adoption:
    "adoption.installs: people with the app installed; adoption.realised: people with an active app (running, Bluetooth on), which alone logs, advertises and uploads; a policy counts installs, --adoption counts active apps",
  f0Window: "an F0's contacts count over the 14 days up to its confirmation (the run's end)",
  f1: "F1: someone with ≥ the threshold minutes in total within the threshold distance of an F0 on one day of its window (exact minutes, summed over the pair's meetings that day)",
  f2: "F2: a close contact of an F1 on or after the F1's exposure day (the day of its first qualifying contact with its F0): causal, earlier contacts do not count",
  pooled:
    "f1 and f2 are pooled over all F0 (union of their sets); they depend on how many F0 are seeded",
  perF0:
    "perF0: each F0's own chain (its F1, and the F2 reached through them), as mean, 5th-95th percentile and a bootstrap 95% CI over F0; recall over F0 with at least one true contact; beyondManual over app-using F0",
  manual:
    "manual tracing interviews every F0 and every F1 it lists or the app notified; known people (household, colleagues, regular partners) are named more often than strangers",
} as const;

/** What `--design` changes, said in the document of a run through another design. */
const DESIGN_NOTE: Partial<Record<DesignName, string>> = {
  gaen: "app-found F1/F2 are GAEN's: an F1 is a phone on which a published key of an app-using F0 passes the exposure rule (German settings, 15 weighted minutes); F2 only through F1 who upload their own keys (--gaen-f1-upload, default 0). True contacts and manual tracing are the run's own",
  bluetrace:
    "app-found F1/F2 are BlueTrace's: the server decides on each app-using F0's uploaded log (F1, the same rule as Bluezone's on one log), then on every F1's log, which each F1 uploads when asked (F2). True contacts and manual tracing are the run's own",
};

export function registerSimulate(program: Command): void {
  const cmd = program
    .command("simulate")
    .description("One run: population, contacts, BLE sightings and the tracing oracle's verdicts.")
    .argument(
      "[scenario]",
      `scenario name (see scenarios/) or path to a scenario JSON file`,
      DEFAULT_SCENARIO,
    )
    .option("--json", "print one JSON document on stdout")
    .option("--detail", "with --json: one row per true or notified F0/F1/F2 (`people`)")
    .addOption(
      new Option(
        "--design <D>",
        "whose rule finds the F1/F2 the app finds (docs/PROTOCOLS.md); the truth is the same",
      )
        .choices(simDesignNames())
        .default("bluezone"),
    )
    .option(
      "--gaen-f1-upload <SHARE>",
      "gaen: share of notified F1 who upload their own keys (F2 come only from them; default 0)",
      share,
      0,
    );
  addRunFlags(cmd).action(async (name: string, flags: SimulateFlags) => {
    if (flags.design !== "gaen" && flags.gaenF1Upload !== 0)
      throw new UsageError("--gaen-f1-upload applies only to --design gaen");
    const scenario = loadScenario(name);
    const config = configFromScenario(scenario, runOptions(flags));
    const progress = new Progress();
    const scanner = flags.threads > 0 ? workerScanner(flags.threads) : undefined;
    const started = performance.now();
    let run: DesignRun;
    const settings = { gaen: { f1UploadShare: flags.gaenF1Upload } };
    try {
      run = await simulateDesign(config, flags.design, settings, {
        ...(scanner ? { scanner } : {}),
        onProgress: (phase, done, total) => progress.update(phase, done, total),
      });
    } finally {
      progress.stop();
      await scanner?.close();
    }
    const seconds = (performance.now() - started) / 1000;
    const { result } = run;
    const saturation = runSaturation(result, sampleRegions(scenario, result.agents));
    const warnings = [
      capWarning(flags.target, config.adoption, result),
      saturationWarning(saturation, result),
    ].filter((w): w is string => w !== undefined);
    writeWarnings(warnings);
    const doc = {
      ...documentHeader(scenario),
      seed: result.seed,
      agents: result.agents,
      days: result.days,
      // Named only off the default, so Bluezone's document stays as it was.
      ...(result.design !== undefined
        ? { design: result.design, designNote: DESIGN_NOTE[result.design] }
        : {}),
      run: {
        adoption: adoptionChoice(flags),
        ble: config.ble.mode,
        f0From: config.f0.from,
        threads: flags.threads,
      },
      definitions: DEFINITIONS,
      adoption: result.adoption,
      contactsPerAgentPerDay: result.contactsPerAgentPerDay,
      distinctContacts: result.distinctContacts,
      contactPairs: result.contactPairs,
      f0: result.f0,
      f1: result.f1,
      f2: result.f2,
      perF0: result.perF0,
      ...(flags.detail ? { people: peopleRows(run.engine, run.outbreak) } : {}),
      saturation,
      warnings,
      perf: {
        seconds,
        agentDaysPerSecond: (result.agents * result.days) / seconds,
        contactPairsPerSecond: result.contactPairs / seconds,
        peakRssBytes: peakRssBytes(),
      },
    };
    if (flags.json) printJson(doc);
    else process.stdout.write(formatSimulation(scenario.name, doc));
  });
}
