import type { SimConfig } from "../config.js";
import type { SeedTree } from "../rng.js";
import { type PopulationArrays, plainArrays } from "./arrays.js";
import { buildClusters } from "./clusters.js";
import type { Clusters } from "./population.js";
import { buildTickets } from "./sociability.js";

/**
 * What the contact layers read besides households, which depends only on the regions and age
 * bands: each cluster layer's members and the sociability tickets. `buildPopulationWith` can
 * have them built on other threads while it draws phones and adoption.
 */
export interface LayerParts {
  clusters: Clusters[];
  tickets: Uint32Array;
  ticketStart: Uint32Array;
}

/**
 * Builds `LayerParts` from the regions and age bands (e.g. on worker threads), with the seed
 * tree of `config.seed`, as `simulate` uses.
 */
export type LayerPartsBuilder = (
  config: SimConfig,
  regionStart: Uint32Array,
  ageBand: Uint8Array,
) => Promise<LayerParts>;

/** The two halves of `LayerParts`, so two threads can build one each. */
export const LAYER_PART_KINDS = ["clusters", "tickets"] as const;
export type LayerPartKind = (typeof LAYER_PART_KINDS)[number];

/** `LayerParts` from its halves (built in any order, on any thread). */
export function joinLayerParts(halves: readonly Partial<LayerParts>[]): LayerParts {
  return Object.assign({}, ...halves) as LayerParts;
}

export function buildLayerPart(
  kind: LayerPartKind,
  config: SimConfig,
  seeds: SeedTree,
  regionStart: Uint32Array,
  ageBand: Uint8Array,
  arrays: PopulationArrays = plainArrays,
): Partial<LayerParts> {
  if (kind === "tickets")
    return buildTickets(
      config.sociability,
      regionStart,
      ageBand,
      seeds.stream("sociability"),
      arrays,
    );
  return {
    clusters: config.layers.map((layer, l) =>
      buildClusters(
        layer,
        config.ageBands,
        ageBand,
        regionStart,
        seeds.stream("clusters", l),
        arrays,
      ),
    ),
  };
}
