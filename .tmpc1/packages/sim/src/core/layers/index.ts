export type { LayerKindSpec } from "./kind.js";
export { LAYER_KIND_NAMES, LAYER_KIND_SPECS, type LayerKind, layerKind } from "./kinds/index.js";
export type { ContactLayer, ContactVisitor } from "./layer.js";
