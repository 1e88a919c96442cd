import type { DesignName } from "@tracebed/protocol";
import type { EmitEvent } from "../events.js";
import type { FleetProcess, FleetProcessOptions } from "../fleet-process.js";
import { startFleetProcess } from "../fleet-process.js";
import { startBlueTraceFleetProcess } from "./bluetrace/index.js";

/** How each design's phones run in a fleet process (null: not built here). */
export const FLEET_DESIGNS: Readonly<
  Record<DesignName, ((o: FleetProcessOptions, emit: EmitEvent) => Promise<FleetProcess>) | null>
> = {
  bluezone: startFleetProcess,
  gaen: null,
  bluetrace: startBlueTraceFleetProcess,
};
