export { parseRange } from "./range.js";
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
