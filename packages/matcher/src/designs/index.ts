import type { DesignName } from "@tracebed/protocol";
import { ConfigError } from "../options.js";
import { bluetraceDesign } from "./bluetrace/index.js";
import type { MatcherDesign } from "./types.js";

export type { DesignMount, MatcherDesign, MountedDesign } from "./types.js";

/**
 * The designs a matcher can run (`MatcherOptions.design`), one line each. Bluezone's hybrid
 * flow is the matcher's own routes and is always mounted: it has no module here (null).
 */
export const DESIGNS: Readonly<Record<DesignName, MatcherDesign | null>> = {
  bluezone: null,
  gaen: null,
  bluetrace: bluetraceDesign,
};

/** The design's module (null: Bluezone's own routes); a design not built here is refused. */
export function designOf(name: DesignName): MatcherDesign | null {
  if (name !== "bluezone" && DESIGNS[name] === null) {
    throw new ConfigError(`design ${name}: not available in this build`);
  }
  return DESIGNS[name];
}
