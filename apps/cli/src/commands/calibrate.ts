import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { machine } from "@tracebed/bench";
import { type CalibrationResult, calibrate, inlineRunner } from "@tracebed/sim";
import { workerRunner } from "@tracebed/sim/node";
import type { Command } from "commander";
import { documentHeader, printJson } from "../document.js";
import { nonNegativeInt, positiveInt } from "../options.js";
import { Progress } from "../progress.js";
import { loadScenario } from "../run-options.js";
import { formatCalibration } from "./calibrate-text.js";
import { tornadoSvg } from "./calibrate-tornado.js";

interface CalibrateFlags {
  seeds: number;
  /** Default: the scenario's whole population (Cần Giuộc: 120 runs in ≈ 4 minutes on 2 cores). */
  agents?: number;
  threads: number;
  out?: string;
  json?: boolean;
}

const DEFAULT_SCENARIO = "can-giuoc-2020-08-14";

export const CALIBRATION_DEFINITIONS = {
  beyondManualPerF0:
    "true F1 + F2 of an app-using F0's own chain that the app found and manual tracing did not (F1 in the F0's 14-day window, F2 from the F1's exposure day), averaged over the run's app-using F0; mean over seeds, percentile bootstrap CI over seeds",
  ministry:
    "82 F1/F2 not on the manual lists from 17 app-using F0, all of Viet Nam, 13 Aug 2020 (letter 4195, docs/SOURCES.md)",
  conditions:
    "the scenario's contacts and install ramp ending at the national share of installs (15.7 million of 97.6 million), the scenario's share of installs that are active, realistic BLE, F0 drawn among active apps",
  nhs: "F1 the app notified, true and false alarms, per app-using F0, with 28% of the population's apps active (uniform), beside the NHS app's 4.2 notifications per index case consenting to tracing (Wymant et al., Nature 594: 408-412, 2021)",
  sensitivity:
    "each parameter alone at its low and high value, the others as shipped, same seeds; atLow/atHigh are beyondManualPerF0's mean",
} as const;

/** Periodic progress lines on stderr when it is not a terminal (a bar when it is). */
function progressReporter(): { update(done: number, total: number): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new Progress();
    return { update: (d, t) => bar.update("runs", d, t), stop: () => bar.stop() };
  }
  const started = performance.now();
  let last = 0;
  return {
    update(done, total) {
      const now = performance.now();
      if (done < total && now - last < 15_000) return;
      last = now;
      process.stderr.write(
        `calibrate: ${done}/${total} runs, ${((now - started) / 1000).toFixed(0)} s\n`,
      );
    },
    stop() {},
  };
}

export function registerCalibrate(program: Command): void {
  program
    .command("calibrate")
    .description(
      "F1/F2 found by the app and not by manual tracing, per app-using F0, under the conditions of August 2020, beside the Ministry's 4.8; the NHS app cross-check; one-at-a-time sensitivity and a tornado chart.",
    )
    .argument("[scenario]", "scenario name or path", DEFAULT_SCENARIO)
    .option("--seeds <N>", "seeds per configuration", positiveInt, 6)
    .option(
      "--agents <N>",
      "simulate a sample of N agents (default: the scenario's whole population)",
      positiveInt,
    )
    .option(
      "--threads <T>",
      "worker threads (0: none); results do not depend on it",
      nonNegativeInt,
      Math.min(2, availableParallelism()),
    )
    .option("--out <DIR>", "write tornado.svg (and calibration.json) to DIR")
    .option("--json", "print one JSON document on stdout")
    .action(async (name: string, flags: CalibrateFlags) => {
      const scenario = loadScenario(name);
      const progress = progressReporter();
      const started = performance.now();
      let result: CalibrationResult;
      try {
        result = await calibrate(
          scenario,
          { seeds: flags.seeds, ...(flags.agents !== undefined ? { agents: flags.agents } : {}) },
          flags.threads > 0 ? workerRunner(flags.threads) : inlineRunner,
          (done, total) => progress.update(done, total),
        );
      } finally {
        progress.stop();
      }
      const seconds = (performance.now() - started) / 1000;
      const doc = {
        ...documentHeader(scenario),
        definitions: CALIBRATION_DEFINITIONS,
        ...result,
        perf: { seconds, threads: flags.threads, machine: machine() },
      };
      if (flags.out) {
        mkdirSync(flags.out, { recursive: true });
        writeFileSync(
          join(flags.out, "tornado.svg"),
          tornadoSvg({
            title: `${scenario.name}: F1+F2 beyond manual tracing per app-using F0`,
            axisLabel:
              "true F1 + F2 found by the app and not by manual tracing, per app-using F0 (mean over seeds)",
            base: result.beyondManualPerF0.mean,
            reference: { value: result.ministry, label: `Ministry ${result.ministry}` },
            rows: result.sensitivity,
          }),
        );
        writeFileSync(join(flags.out, "calibration.json"), `${JSON.stringify(doc, null, 2)}\n`);
      }
      if (flags.json) printJson(doc);
      else process.stdout.write(formatCalibration(scenario.name, result, seconds));
    });
}
