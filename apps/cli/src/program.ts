import { Command } from "commander";
import { registerBench } from "./commands/bench.js";
import { registerCalibrate } from "./commands/calibrate.js";
import { registerCompare } from "./commands/compare.js";
import { registerDemo } from "./commands/demo.js";
import { registerExport } from "./commands/export.js";
import { registerIds } from "./commands/ids.js";
import { registerLoad } from "./commands/load.js";
import { registerRadio } from "./commands/radio.js";
import { registerServe } from "./commands/serve.js";
import { registerSimulate } from "./commands/simulate.js";
import { registerSweep } from "./commands/sweep.js";
import { replayOutbreak } from "./demo/replay.js";
import { VERSION } from "./version.js";

export function buildProgram(): Command {
  const program = new Command("tracebed")
    .description("Simulation and load-testing testbed for Bluetooth contact-tracing apps")
    .version(VERSION)
    .showHelpAfterError(false);
  registerIds(program);
  registerServe(program);
  registerSimulate(program);
  registerSweep(program);
  registerExport(program);
  registerLoad(program);
  registerBench(program);
  registerRadio(program);
  registerCalibrate(program);
  registerCompare(program);
  registerDemo(program, { replay: replayOutbreak });
  return program;
}
