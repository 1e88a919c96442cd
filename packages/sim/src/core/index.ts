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
export {
  ContactRecords,
  type ContactShape,
  contactShape,
  dayStartSeconds,
  decisionDayOf,
  idealSpan,
  SECONDS_PER_DAY,
} from "./contacts.js";
export { mergeDayParts } from "./day-parts.js";
export { createEngine, type DayScan, type Engine, roomAfter, scanDay } from "./engine.js";
export { type GrowableColumn, grown } from "./grown.js";
export {
  type ContactLayer,
  type ContactVisitor,
  LAYER_KIND_NAMES,
  LAYER_KIND_SPECS,
  type LayerKindSpec,
  layerKind,
} from "./layers/index.js";
export { isRegularPair, REGULAR_PAIR_BIT } from "./layers/layer.js";
export { type NotifiedPerF0, notifiedPerAppF0 } from "./notified-per-f0.js";
export type { Chain } from "./oracle/chain.js";
export { manualLists, manualRecallOf } from "./oracle/manual.js";
export type { TracingCounts, TracingMetrics } from "./oracle/metrics.js";
export {
  type DayScanner,
  type Exposures,
  inlineScanner,
  type Outbreak,
  type OutbreakSets,
  type StepVerdicts,
  traceOutbreak,
} from "./oracle/outbreak.js";
export {
  appFindsFrom,
  firstDayFrom,
  hasDayFrom,
  type PairVerdict,
  pairVerdict,
} from "./oracle/pair-verdict.js";
export { type ContactsByPartner, contactsAround, contactsOf } from "./oracle/pairs.js";
export { type PersonRow, peopleRows } from "./oracle/people.js";
export { type OverF0, type PerF0, perF0Figures, type StepPerF0 } from "./oracle/per-f0.js";
export { closeSecondsByDay, firstTrueContactDay } from "./oracle/truth.js";
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
export { type PopulationArrays, plainArrays } from "./population/arrays.js";
export { buildPopulation } from "./population/build.js";
export {
  buildLayerPart,
  joinLayerParts,
  LAYER_PART_KINDS,
  type LayerParts,
  type LayerPartsBuilder,
} from "./population/layer-parts.js";
export * from "./population/population.js";
export {
  type AdoptionReport,
  adoptionReport,
  type RealisedAdoption,
} from "./population/realised.js";
export * from "./radio/index.js";
export { hash2, hash3, mix32, SeedTree } from "./rng.js";
export { type SimResult, type SimRun, type SimulateOptions, simulate } from "./simulate.js";
