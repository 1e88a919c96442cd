export { type ExportSummary, exportRun } from "./export.js";
export { peakRssBytes } from "./memory.js";
export { workerScanner } from "./scan-pool.js";
export * from "./scenario-files.js";
export { sharePopulation } from "./shared-population.js";
export { workerRunner } from "./sweep-pool.js";
