import type { DesignName } from "@tracebed/protocol";
import { bluetraceDesign } from "./bluetrace-design.js";
import { bluezoneDesign } from "./bluezone.js";
import type { SimDesign } from "./design.js";
import { gaenDesign } from "./gaen-design.js";

/**
 * The designs the simulator can run, by name (docs/PROTOCOLS.md): one file each, one line
 * here. A design named in `DESIGN_NAMES` but not listed has no oracle in the simulator yet.
 */
export const SIM_DESIGNS: Readonly<Partial<Record<DesignName, SimDesign>>> = {
  bluezone: bluezoneDesign,
  gaen: gaenDesign,
  bluetrace: bluetraceDesign,
};

/** The names of the designs the simulator can run, in `DESIGN_NAMES` order. */
export function simDesignNames(): DesignName[] {
  return Object.keys(SIM_DESIGNS) as DesignName[];
}

export function simDesign(name: string): SimDesign {
  const design = SIM_DESIGNS[name as DesignName];
  if (design === undefined) {
    throw new Error(`no simulated design "${name}" (known: ${simDesignNames().join(", ")})`);
  }
  return design;
}
