/** The scenario `npm start` (tracebed demo) runs: one province, a clear population denominator. */
export const DEFAULT_SCENARIO = "hung-yen-2020-08-18";
