import type { DesignName } from "@tracebed/protocol";
import type { EmitEvent } from "../events.js";
import {
  type FleetProcess,
  type FleetProcessOptions,
  startFleetProcess,
} from "../fleet-process.js";
import { startBlueTraceFleetProcess } from "./bluetrace/index.js";
import { startGaenFleetProcess } from "./gaen/gaen-process.js";

type Starter = (o: FleetProcessOptions, emit: EmitEvent) => Promise<FleetProcess>;

/** Each design's phones, one line each. */
export const FLEET_DESIGNS: Readonly<Record<DesignName, Starter | null>> = {
  bluezone: startFleetProcess,
  gaen: startGaenFleetProcess,
  bluetrace: startBlueTraceFleetProcess,
};

/** Starts one fleet process of the options' design. */
export function startDesignProcess(o: FleetProcessOptions, emit: EmitEvent): Promise<FleetProcess> {
  const design = o.design ?? "bluezone";
  const start = FLEET_DESIGNS[design];
  if (start === null) throw new Error(`design ${design}: no phones for it in this version`);
  return start(o, emit);
}
