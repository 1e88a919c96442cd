// Each design's oracle: whom that design's phones and server must notify on a run.
export { type BlueTraceExpected, blueTraceExpected } from "./bluetrace.js";
export { type GaenOracleOptions, type GaenVerdict, gaenF1Uploads, gaenOracle } from "./gaen.js";
