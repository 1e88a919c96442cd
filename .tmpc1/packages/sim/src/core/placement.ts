import type { SimConfig } from "./config.js";
import { SECONDS_PER_DAY } from "./contacts.js";

/**
 * The run moved in time so that its last simulated day ends at the latest local midnight (at
 * the run's own UTC offset) at or before `endSeconds`: the fleet maps a run onto the present,
 * so the matcher's wall clock, code expiry and retention behave as in life, while the days
 * keep their local midnights and so their decision days (UTC) as the oracle counts them.
 */
export function endingAt(config: SimConfig, endSeconds: number): SimConfig {
  const offset = Math.round(config.utcOffsetHours * 3600);
  const localDay = Math.floor((endSeconds + offset) / SECONDS_PER_DAY);
  return { ...config, startUnixDay: localDay - config.days };
}
