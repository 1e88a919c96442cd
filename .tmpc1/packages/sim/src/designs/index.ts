// Each design's oracle: whom that design's phones and server must notify on a run.
export { type BlueTraceExpected, blueTraceExpected } from "./bluetrace.js";
// Each design's rule on a simulated run (docs/PROTOCOLS.md): the registry, a run through a
// design, and what its server learns.
export type { DesignFinds, DesignPrivacy, DesignSettings, SimDesign } from "./design.js";
export { type GaenOracleOptions, type GaenVerdict, gaenF1Uploads, gaenOracle } from "./gaen.js";
export { SIM_DESIGNS, simDesign, simDesignNames } from "./registry.js";
export {
  type DesignRun,
  designPrivacy,
  designRun,
  simulateDesign,
} from "./simulate-design.js";
