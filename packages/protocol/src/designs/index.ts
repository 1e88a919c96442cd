/**
 * The contact-tracing designs tracebed runs side by side (docs/PROTOCOLS.md): Bluezone's hybrid
 * (the matcher's default), GAEN/DP-3T's decentralised exports, BlueTrace's central server.
 */
export const DESIGN_NAMES = ["bluezone", "gaen", "bluetrace"] as const;
export type DesignName = (typeof DESIGN_NAMES)[number];

export function isDesignName(name: string): name is DesignName {
  return (DESIGN_NAMES as readonly string[]).includes(name);
}

// The GAEN phone's decision is pure and small (the simulator's oracle uses it too); the export
// files (protobufjs, fflate) are in "@tracebed/protocol/gaen".
export * from "./gaen/decide.js";
