export { peakRssBytes } from "./memory.js";
export { workerScanner } from "./scan-pool.js";
export { sharePopulation } from "./shared-population.js";
