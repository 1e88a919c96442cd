import type { DesignName } from "@tracebed/protocol";
import type { DesignModule } from "./types.js";

export type { DesignModule, DesignMount, DesignOpenApi, DesignServer } from "./types.js";

/**
 * The server side of each design, by name, one line each, loaded only when served (a Bluezone
 * server does not load protobufjs).
 */
export const DESIGNS: Readonly<Record<DesignName, () => Promise<DesignModule>>> = {
  bluezone: async () => (await import("./bluezone/index.js")).bluezone,
  gaen: async () => (await import("./gaen/index.js")).gaen,
  bluetrace: async () => (await import("./bluetrace/index.js")).bluetraceDesign,
};

/** The design's module. */
export function loadDesign(name: DesignName): Promise<DesignModule> {
  return DESIGNS[name]();
}
