/**
 * The contact-tracing designs tracebed runs side by side (docs/PROTOCOLS.md): Bluezone's hybrid
 * (the matcher's default), GAEN/DP-3T's decentralised exports, BlueTrace's central server.
 */

export * as bluetrace from "./bluetrace/index.js";

// The GAEN phone's decision is pure and small (the simulator's oracle uses it too); the export
// files (protobufjs, fflate) are in "@tracebed/protocol/gaen".
export * from "./gaen/decide.js";
export { DESIGN_NAMES, type DesignName, isDesignName } from "./names.js";
