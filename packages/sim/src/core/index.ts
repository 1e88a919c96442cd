export { apportion } from "./apportion.js";
export { appUserFlags, forEachSightingOfDay } from "./ble/day-sightings.js";
export {
  type Evidence,
  type PairContact,
  pairEvidence,
  pairSightings,
  type SightingVisitor,
} from "./ble/evidence.js";
export { decisionParams, rssiAtDistance } from "./ble/path-loss.js";
export * from "./config.js";
export { ContactRecords, type ContactShape, contactShape, dayStartSeconds } from "./contacts.js";
export { createEngine, type DayScan, type Engine, scanDay } from "./engine.js";
export { type GrowableColumn, grown } from "./grown.js";
export { type ContactLayer, type ContactVisitor, LAYER_KINDS } from "./layers/index.js";
export { appDecidesContact, appFindsContact } from "./oracle/app-decision.js";
export type { TracingCounts, TracingMetrics } from "./oracle/metrics.js";
export {
  type DayScanner,
  inlineScanner,
  type Outbreak,
  type OutbreakSets,
  traceOutbreak,
} from "./oracle/outbreak.js";
export { type ContactsByPartner, contactsAround, contactsOf } from "./oracle/pairs.js";
export { isTrueContact } from "./oracle/truth.js";
export {
  DayIds,
  IdsAtTime,
  phoneDailyKeys,
  phoneDayIds,
  phoneIdOf,
  phoneKeyDay,
  phoneRootKey,
} from "./phones.js";
export { endingAt } from "./placement.js";
export { buildPopulation } from "./population/build.js";
export * from "./population/population.js";
export {
  type AdoptionReport,
  adoptionReport,
  type RealisedAdoption,
} from "./population/realised.js";
export * from "./radio/index.js";
export { hash2, hash3, mix32, SeedTree } from "./rng.js";
export { type SimResult, type SimRun, type SimulateOptions, simulate } from "./simulate.js";
