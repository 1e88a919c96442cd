import { clusterLayer } from "../cluster.js";
import type { LayerKindSpec } from "../kind.js";

/** Classmates and nursery groups: a fixed network per class, ties met on a share of days. */
export const school = {
  name: "school",
  defaultHours: [7, 16],
  radio: "office",
  partnersKnown: true,
  build: (config, pop, l, seedOf) =>
    clusterLayer(config, pop.clusters[l]!, pop.clusters[l]!.memberContacts, seedOf),
} as const satisfies LayerKindSpec<"school">;
