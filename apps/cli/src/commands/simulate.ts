import {
  configFromScenario,
  DEFAULT_SCENARIO,
  runSaturation,
  type SimResult,
  sampleRegions,
  simulate,
} from "@tracebed/sim";
import { peakRssBytes, workerScanner } from "@tracebed/sim/node";
import type { Command } from "commander";
import { documentHeader, printJson } from "../document.js";
import { Progress } from "../progress.js";
import {
  addRunFlags,
  adoptionChoice,
  loadScenario,
  type RunFlags,
  runOptions,
} from "../run-options.js";
import { capWarning, saturationWarning, writeWarnings } from "../warnings.js";
import { formatSimulation } from "./simulate-text.js";

interface SimulateFlags extends RunFlags {
  json?: boolean;
}

export function registerSimulate(program: Command): void {
  const cmd = program
    .command("simulate")
    .description("One run: population, contacts, BLE sightings and the tracing oracle's verdicts.")
    .argument(
      "[scenario]",
      `scenario name (see scenarios/) or path to a scenario JSON file`,
      DEFAULT_SCENARIO,
    )
    .option("--json", "print one JSON document on stdout");
  addRunFlags(cmd).action(async (name: string, flags: SimulateFlags) => {
    const scenario = loadScenario(name);
    const config = configFromScenario(scenario, runOptions(flags));
    const progress = new Progress();
    const scanner = flags.threads > 0 ? workerScanner(flags.threads) : undefined;
    const started = performance.now();
    let result: SimResult;
    try {
      ({ result } = await simulate(config, {
        ...(scanner ? { scanner } : {}),
        onProgress: (phase, done, total) => progress.update(phase, done, total),
      }));
    } finally {
      progress.stop();
      await scanner?.close();
    }
    const seconds = (performance.now() - started) / 1000;
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
      run: {
        adoption: adoptionChoice(flags),
        ble: config.ble.mode,
        f0From: config.f0.from,
        threads: flags.threads,
      },
      adoption: result.adoption,
      contactsPerAgentPerDay: result.contactsPerAgentPerDay,
      contactPairs: result.contactPairs,
      f0: result.f0,
      f1: result.f1,
      f2: result.f2,
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
