import { ID_SCHEMES } from "../ids/registry.js";
import { SECONDS_PER_DAY } from "../ids/scheme.js";

/** 2020-01-01T00:00:00Z. Bluezone launched in April 2020: an earlier timestamp is a bug. */
export const MIN_TIMESTAMP = 1_577_836_800;
/** 2100-01-01T00:00:00Z, exclusive. */
export const MAX_TIMESTAMP = 4_102_444_800;
export const MIN_UNIX_DAY = MIN_TIMESTAMP / SECONDS_PER_DAY;
/** Inclusive: the last day before MAX_TIMESTAMP. */
export const MAX_UNIX_DAY = MAX_TIMESTAMP / SECONDS_PER_DAY - 1;

/** The longest daily key and broadcast ID of any scheme, bytes. */
export const MAX_KEY_BYTES = Math.max(...Object.values(ID_SCHEMES).map((s) => s.keyLength));
export const MAX_ID_BYTES = Math.max(...Object.values(ID_SCHEMES).map((s) => s.idLength));
/** Daily keys in one upload or push: the 14-day retention window. */
export const MAX_DAILY_KEYS = 14;
/**
 * Log entries in one upload. A phone scanning 40 s every 300 s logs each neighbour once per
 * period: 100,000 entries ≈ 14 days × 24 neighbours around the clock, far above real logs.
 */
export const MAX_LOG_ENTRIES = 100_000;
/** Index persons an exposure upload may name as matched. */
export const MAX_MATCHED_INDEXES = 1_000;
/** Key pushes in one catch-up page. */
export const MAX_PUSHES_PER_PAGE = 1_000;
/** Key pushes in one push-channel frame (≈ 1.4 KB each with 14 keys). */
export const MAX_PUSHES_PER_FRAME = 100;
/**
 * Lifetime of an F0 code an HA may ask for: 1 minute to 1 day. Short lives keep few codes live,
 * and the chance of a guess is (live codes) / (code space) (docs/SECURITY.md).
 */
export const MIN_CODE_TTL_SECONDS = 60;
export const MAX_CODE_TTL_SECONDS = SECONDS_PER_DAY;
/** Digits of an F0 code: a code space of 10^10. */
export const F0_CODE_DIGITS = 10;
/** RSSI and advertised tx power, dBm: the range of the BLE RSSI and TX Power Level fields. */
export const MIN_DBM = -127;
export const MAX_DBM = 20;
