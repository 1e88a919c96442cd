import type { SimConfig } from "./config.js";
import { SECONDS_PER_DAY } from "./contacts.js";

/**
 * The run moved in time so that its last simulated day ends at `endSeconds` (rounded down to a
 * scan period): the fleet maps a run onto the present, so the matcher's wall clock, code
 * expiry and retention behave as in life. Days then start at that time of day; the contact
 * layers' hours keep their spread over the day.
 */
export function endingAt(config: SimConfig, endSeconds: number): SimConfig {
  const period = config.ble.scanPeriodSeconds;
  const end = Math.floor(endSeconds / period) * period;
  const startUnixDay = Math.ceil(end / SECONDS_PER_DAY) - config.days;
  const offsetSeconds = (startUnixDay + config.days) * SECONDS_PER_DAY - end;
  return { ...config, startUnixDay, utcOffsetHours: offsetSeconds / 3600 };
}
