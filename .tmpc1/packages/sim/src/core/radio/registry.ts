import type { LayerKind } from "../config.js";
import { layerKind } from "../layers/kinds/index.js";
import type { RadioEnvironment, RadioEnvironmentId } from "./environment.js";
import { HOME } from "./home.js";
import { OFFICE } from "./office.js";
import { SHOP } from "./shop.js";
import { TRANSIT } from "./transit.js";

/** Every radio environment by id; a new one is one file plus one line here. */
export const RADIO_ENVIRONMENTS: Readonly<Record<RadioEnvironmentId, RadioEnvironment>> =
  Object.freeze({ home: HOME, office: OFFICE, shop: SHOP, transit: TRANSIT });

/** Where a kind of contact layer happens (each kind's file names its environment). */
export function radioEnvironmentOfLayer(kind: LayerKind): RadioEnvironment {
  return RADIO_ENVIRONMENTS[layerKind(kind).radio];
}
