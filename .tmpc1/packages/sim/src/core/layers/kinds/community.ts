import type { LayerKindSpec } from "../kind.js";
import { mixingLayer } from "../mixing.js";

/** Markets, shops, neighbours: regular partners and one-off strangers of the region. */
export const community = {
  name: "community",
  defaultHours: [6, 21],
  radio: "shop",
  partnersKnown: false,
  build: (config, pop, _l, seedOf) => mixingLayer(config, pop, seedOf),
} as const satisfies LayerKindSpec<"community">;
