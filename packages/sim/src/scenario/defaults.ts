/** The scenario `npm start` (tracebed demo) runs: one province, a clear population denominator. */
export const DEFAULT_SCENARIO = "hung-yen-2020-08-18";

/** The scenario files in scenarios/, one per seed letter plus the national one. */
export const SCENARIO_IDS = [
  "binh-gia-2020-08",
  "can-giuoc-2020-08-14",
  "dak-nong-2020-08-13",
  "hung-yen-2020-08-18",
  "lai-chau-2020-08-15",
  "vietnam-2020-08",
] as const;
