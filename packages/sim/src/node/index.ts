export {
  benchSim,
  benchSimCase,
  OPENABM,
  type SimBenchCase,
  type SimBenchResult,
  simBenchCases,
} from "./bench.js";
export { type ExportOptions, type ExportSummary, exportRun } from "./export.js";
export { machine } from "./machine.js";
export { peakRssBytes } from "./memory.js";
export { workerScanner } from "./scan-pool.js";
export * from "./scenario-files.js";
export { sharePopulation } from "./shared-population.js";
export { workerRunner } from "./sweep-pool.js";
