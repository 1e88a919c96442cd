export {
  type AdoptionChoice,
  populationTarget,
  type ResolvedAdoption,
  resolveAdoption,
} from "./adoption.js";
export { configFromScenario, type RunOptions } from "./from-scenario.js";
export { householdSizeProbabilities } from "./households.js";
