import type { DesignName } from "@tracebed/protocol";
import { ConfigError } from "../options.js";
import type { DesignModule } from "./types.js";

/**
 * The server side of each design, by name, loaded only when served (a Bluezone server does not
 * load protobufjs); null: not built in this version.
 */
export const DESIGNS: Readonly<Record<DesignName, (() => Promise<DesignModule>) | null>> = {
  bluezone: async () => (await import("./bluezone/index.js")).bluezone,
  gaen: async () => (await import("./gaen/index.js")).gaen,
  bluetrace: null,
};

/** The design's module; a ConfigError names a design not built. */
export async function loadDesign(name: DesignName): Promise<DesignModule> {
  const load = DESIGNS[name];
  if (load === null) throw new ConfigError(`design ${name}: not available in this version`);
  return load();
}
