import { clusterLayer } from "../cluster.js";
import type { LayerKindSpec } from "../kind.js";

/** Colleagues: a fixed network per workplace, ties met on a share of days. */
export const workplace = {
  name: "workplace",
  defaultHours: [8, 17],
  radio: "office",
  partnersKnown: true,
  build: (config, pop, l, seedOf) =>
    clusterLayer(config, pop.clusters[l]!, pop.clusters[l]!.memberContacts, seedOf),
} as const satisfies LayerKindSpec<"workplace">;
