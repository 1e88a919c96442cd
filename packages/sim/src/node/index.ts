// The simulator's Node-only entry point, for the CLI: worker-thread runners, scenario files,
// the export stream, the benchmark and the machine's description.
export { benchSim, type SimBenchCase, type SimBenchResult } from "./bench.js";
export { type ExportOptions, type ExportSummary, exportRun } from "./export.js";
export { machine } from "./machine.js";
export { peakRssBytes } from "./memory.js";
export { workerScanner } from "./scan-pool.js";
export { loadDefaultScenario, loadScenarioFile } from "./scenario-files.js";
export { workerRunner } from "./sweep-pool.js";
