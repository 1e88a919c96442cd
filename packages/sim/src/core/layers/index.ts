import type { LayerConfig, LayerKind } from "../config.js";
import type { Population } from "../population/population.js";
import { clusterLayer } from "./cluster.js";
import { householdLayer } from "./household.js";
import type { ContactLayer } from "./layer.js";
import { mixingLayer } from "./mixing.js";

export type { ContactLayer, ContactVisitor } from "./layer.js";

/** How a layer of each kind is built; a new kind of layer is one file plus one line here. */
type LayerFactory = (
  config: LayerConfig,
  pop: Population,
  layerIndex: number,
  seedOf: (day: number) => number,
) => ContactLayer;

export const LAYER_KINDS: Record<LayerKind, LayerFactory> = {
  household: (config, pop) => householdLayer(config, pop),
  workplace: (config, pop, l, seedOf) =>
    clusterLayer(config, pop.clusters[l]!, pop.clusters[l]!.memberContacts, seedOf),
  school: (config, pop, l, seedOf) =>
    clusterLayer(config, pop.clusters[l]!, pop.clusters[l]!.memberContacts, seedOf),
  community: (config, pop, _l, seedOf) => mixingLayer(config, pop, seedOf),
  transport: (config, pop, _l, seedOf) => mixingLayer(config, pop, seedOf),
};
