import { DEFAULT_GAEN_EXPOSURE, type GaenExposureConfig } from "@tracebed/protocol";

/** How the GAEN design's phones behave (docs/PROTOCOLS.md, "GAEN"). */
export interface GaenFleetOptions {
  /** The exposure rule every phone decides with. */
  readonly exposure: GaenExposureConfig;
  /**
   * Share of notified contacts (F1) that upload their own keys so their contacts learn they
   * are F2. Default 0, an assumption: the GAEN apps deployed asked only confirmed cases.
   */
  readonly f1UploadShare: number;
  /** How often the phones download index.txt, ms (default 1,000 in a load run). */
  readonly pollMs: number;
}

export const DEFAULT_GAEN_FLEET: GaenFleetOptions = Object.freeze({
  exposure: DEFAULT_GAEN_EXPOSURE,
  f1UploadShare: 0,
  pollMs: 1_000,
});
