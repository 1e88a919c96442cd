import type { DesignName } from "@tracebed/protocol";
import { ConfigError } from "../options.js";
import { gaen } from "./gaen/index.js";
import type { DesignModule, DesignOpenApi, DesignServer } from "./types.js";

/** Bluezone's routes and flow are the matcher's own (http/, flow/): nothing to mount. */
const bluezone: DesignModule = { openapi: null, mount: async () => null };

/** The server side of each design, by name (null: not built in this version). */
export const DESIGNS: Readonly<Record<DesignName, DesignModule | null>> = {
  bluezone,
  gaen,
  bluetrace: null,
};

/** The design's server side, mounted on the HTTP app before it listens. */
export async function mountDesign(
  name: DesignName,
  m: Parameters<DesignModule["mount"]>[0],
): Promise<DesignServer | null> {
  const design = DESIGNS[name];
  if (design === null) throw new ConfigError(`design ${name}: not available in this version`);
  return design.mount(m);
}

export function designOpenApi(name: DesignName): DesignOpenApi | null {
  return DESIGNS[name]?.openapi ?? null;
}
