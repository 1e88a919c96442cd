// The simulator's Node-only entry point, for the CLI, one folder per job: worker-thread pools
// (`pools/`), the export stream (`export/`), the benchmark (`bench/`), scenario files
// (`scenarios/`) and the process's peak memory (`process/`).
export { benchSim, type SimBenchCase, type SimBenchResult } from "./bench/bench.js";
export { type ExportOptions, type ExportSummary, exportRun } from "./export/export.js";
export { workerScanner } from "./pools/scan-pool.js";
export { workerRunner } from "./pools/sweep-pool.js";
export { peakRssBytes } from "./process/memory.js";
export { loadDefaultScenario, loadScenarioFile } from "./scenarios/scenario-files.js";
