import type { LayerKind } from "../config.js";
import type { RadioEnvironment, RadioEnvironmentId } from "./environment.js";
import { HOME } from "./home.js";
import { OFFICE } from "./office.js";
import { SHOP } from "./shop.js";
import { TRANSIT } from "./transit.js";

/** Every radio environment by id; a new one is one file plus one line here. */
export const RADIO_ENVIRONMENTS: Readonly<Record<RadioEnvironmentId, RadioEnvironment>> =
  Object.freeze({ home: HOME, office: OFFICE, shop: SHOP, transit: TRANSIT });

/** Where each kind of contact layer happens. */
export const ENVIRONMENT_OF_LAYER: Readonly<Record<LayerKind, RadioEnvironmentId>> = Object.freeze({
  household: "home",
  workplace: "office",
  school: "office",
  community: "shop",
  transport: "transit",
});

export function radioEnvironmentOfLayer(kind: LayerKind): RadioEnvironment {
  return RADIO_ENVIRONMENTS[ENVIRONMENT_OF_LAYER[kind]];
}
