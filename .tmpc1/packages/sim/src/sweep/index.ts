export {
  type CsvMeta,
  csvCell,
  parseCsv,
  SWEEP_CSV_HEADER,
  sweepCsv,
  sweepCsvHeader,
} from "./csv.js";
export { parseRange } from "./range.js";
export {
  meanSaturation,
  type RegionSize,
  type RegionTrue,
  runSaturation,
  SATURATION_LIMIT,
  type Saturation,
  type SaturationInput,
  sampleRegions,
  saturationOf,
  suggestAgents,
} from "./saturation.js";
export {
  bootstrapMeanInterval,
  CI95_METHOD,
  quantile,
  type Summary,
  summarize,
} from "./stats.js";
export {
  type CountsSummary,
  inlineRunner,
  type JobRunner,
  type SweepJob,
  type SweepPoint,
  type SweepResult,
  sweep,
} from "./sweep.js";
