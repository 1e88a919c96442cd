import type { LayerKindSpec } from "../kind.js";
import { mixingLayer } from "../mixing.js";

/** Buses, coaches, ferries, motorbike taxis: fellow commuters and one-off strangers. */
export const transport = {
  name: "transport",
  defaultHours: [6, 19],
  radio: "transit",
  partnersKnown: false,
  build: (config, pop, _l, seedOf) => mixingLayer(config, pop, seedOf),
} as const satisfies LayerKindSpec<"transport">;
