import {
  type RegionSize,
  runSaturation as runSaturationOf,
  type Saturation,
  type SimResult,
} from "@tracebed/sim";
import { LIMITS } from "@tracebed/viewer";

export { sampleRegions } from "@tracebed/sim";

/** A run's saturation (the simulator's rule), its suggested sample within the page's limit. */
export function runSaturation(r: SimResult, regions: readonly RegionSize[]): Saturation {
  return runSaturationOf(r, regions, LIMITS.agents.max);
}
