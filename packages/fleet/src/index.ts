export { CalibrationError, checkCalibration } from "./calibration.js";
export type { FleetEvent } from "./events.js";
export {
  DEFAULT_UPLOAD_CONCURRENCY,
  type FleetProcessOptions,
  startFleetProcess,
} from "./fleet-process.js";
export { type LoadOptions, type LoadResult, runLoad } from "./load.js";
export { PhoneLogs } from "./phone-logs.js";
export { phonesWithHits } from "./push-match.js";
export type { ExpectedSets, LoadSummary, SetComparison, TruthComparison } from "./summary.js";
