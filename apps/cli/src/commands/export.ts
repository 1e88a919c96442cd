import { configFromScenario } from "@tracebed/sim";
import { exportRun, workerScanner } from "@tracebed/sim/node";
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

interface ExportFlags extends RunFlags {
  out: string;
  json?: boolean;
}

export function registerExport(program: Command): void {
  const cmd = program
    .command("export")
    .description(
      "Write a run's phones, keys and logs as NDJSON (phones.ndjson, keys.ndjson, logs.ndjson) and the oracle's verdicts (run.json).",
    )
    .argument("<scenario>", "scenario name (see scenarios/) or path to a scenario JSON file")
    .requiredOption("--out <DIR>", "folder to write into (created if missing)")
    .option("--json", "print a JSON summary on stdout");
  addRunFlags(cmd).action(async (name: string, flags: ExportFlags) => {
    const scenario = loadScenario(name);
    const config = configFromScenario(scenario, runOptions(flags));
    const header = {
      ...documentHeader(scenario),
      seed: config.seed,
      run: { adoption: adoptionChoice(flags), ble: config.ble.mode },
    };
    const progress = new Progress();
    const scanner = flags.threads > 0 ? workerScanner(flags.threads) : undefined;
    let summary: Awaited<ReturnType<typeof exportRun>>;
    try {
      summary = await exportRun(config, flags.out, header, {
        ...(scanner ? { scanner } : {}),
        onProgress: (phase, done, total) => progress.update(phase, done, total),
      });
    } finally {
      progress.stop();
      await scanner?.close();
    }
    if (flags.json) printJson({ ...header, ...summary });
    else
      process.stderr.write(
        `wrote ${summary.phones} phones and ${summary.sightings} sightings to ${flags.out}\n`,
      );
  });
}
