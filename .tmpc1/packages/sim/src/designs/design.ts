import type { DesignName, GaenExposureConfig } from "@tracebed/protocol";
import type { SimRun } from "../core/simulate.js";

/**
 * Whom one design's rule finds on a run, in the oracle's terms: pooled over the F0 and per F0
 * (one entry per chain, in `outbreak.chains` order). Each F1 carries the simulated day its
 * notification counts from, as `Chain.appF1` does.
 */
export interface DesignFinds {
  readonly f1: ReadonlyMap<number, number>;
  readonly f2: ReadonlySet<number>;
  readonly chains: readonly { f1: ReadonlyMap<number, number>; f2: ReadonlySet<number> }[];
}

/**
 * What the design's server would hold about people, counted on the run by the definitions of
 * docs/PROTOCOLS.md (`privacy` in `tracebed compare`): the model's count, not a store's.
 */
export interface DesignPrivacy {
  /** Phones other than a confirmed F0's that the operator can tie to at least one contact. */
  readonly nonIndexPhonesKnown: number;
  /** Distinct pairs of phones the operator can tie together. */
  readonly contactEdgesKnown: number;
}

/** A design's settings the simulator needs (each design reads its own; defaults otherwise). */
export interface DesignSettings {
  readonly gaen?: {
    readonly exposure?: GaenExposureConfig;
    /** Share of notified F1 that upload their own keys (F2 come only from them); default 0. */
    readonly f1UploadShare?: number;
  };
}

/** One design as the simulator runs it: its rule on a run, and what its server learns. */
export interface SimDesign {
  readonly name: DesignName;
  /** Whom the design's rule finds on the run (the truth stays the simulator's). */
  finds(run: SimRun, settings: DesignSettings): DesignFinds;
  /** What its server would hold after the run, given whom it found. */
  privacy(run: SimRun, finds: DesignFinds, settings: DesignSettings): DesignPrivacy;
}
