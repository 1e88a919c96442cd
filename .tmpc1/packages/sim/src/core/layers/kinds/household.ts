import { householdLayer } from "../household.js";
import type { LayerKindSpec } from "../kind.js";

/** Every member of a household meets every other member, every day. */
export const household = {
  name: "household",
  defaultHours: [17, 22],
  radio: "home",
  partnersKnown: true,
  build: (config, pop) => householdLayer(config, pop),
} as const satisfies LayerKindSpec<"household">;
