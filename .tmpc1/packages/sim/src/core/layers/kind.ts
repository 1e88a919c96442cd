import type { LayerConfig } from "../config.js";
import type { Population } from "../population/population.js";
import type { RadioEnvironmentId } from "../radio/environment.js";
import type { ContactLayer } from "./layer.js";

/**
 * A kind of contact layer, one file each in `kinds/`: its name (as scenarios write it), its
 * defaults and its factory. A new kind is one file plus one line in `kinds/index.ts`.
 */
export interface LayerKindSpec<Name extends string = string> {
  readonly name: Name;
  /** Local hours [from, to) in which contacts start, when the scenario does not say. */
  readonly defaultHours: readonly [number, number];
  /** Where its contacts happen, for the radio model (`radio/registry.ts`). */
  readonly radio: RadioEnvironmentId;
  /**
   * Whether partners are people the case knows by name (household, colleagues): tracers
   * name them with `manualRecall`. Mixing layers' one-off strangers take
   * `manualRecallStrangers` instead; their regular partners count as known.
   */
  readonly partnersKnown: boolean;
  readonly build: (
    config: LayerConfig,
    pop: Population,
    layerIndex: number,
    seedOf: (day: number) => number,
  ) => ContactLayer;
}
