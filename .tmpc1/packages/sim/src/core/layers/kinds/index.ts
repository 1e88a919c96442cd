import { community } from "./community.js";
import { household } from "./household.js";
import { school } from "./school.js";
import { transport } from "./transport.js";
import { workplace } from "./workplace.js";

/** Every kind of contact layer; a new kind is one file in this folder plus one line here. */
export const LAYER_KIND_SPECS = [household, workplace, school, community, transport] as const;

export type LayerKind = (typeof LAYER_KIND_SPECS)[number]["name"];

/** The kinds' names, in registry order (the scenario schema's enum). */
export const LAYER_KIND_NAMES = LAYER_KIND_SPECS.map((k) => k.name) as [LayerKind, ...LayerKind[]];

const BY_NAME = new Map<string, (typeof LAYER_KIND_SPECS)[number]>(
  LAYER_KIND_SPECS.map((k) => [k.name, k]),
);

export function layerKind(name: LayerKind): (typeof LAYER_KIND_SPECS)[number] {
  return BY_NAME.get(name)!;
}
