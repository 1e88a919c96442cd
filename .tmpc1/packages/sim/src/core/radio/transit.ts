import type { RadioEnvironment } from "./environment.js";

/**
 * Bus and tram: the Dublin light-rail tram measurements (Leith & Farrell, PLoS ONE 15(9):
 * e0239943, 2020; their published dataset, 72 ordered handset pairs, Google Pixel 2 phones
 * carried by people, GAEN attenuation durations in 2 dB bins). Derived, not fitted to any
 * detection figure (docs/MODEL.md, "Radio"):
 *  - per-pair mean attenuation (bin midpoints, minute-weighted) regressed on log10(distance)
 *    over the 70 pairs that logged anything: intercept 63.9 dB, slope 3.65 dB per decade;
 *  - pooled per-minute spread 7.0 dB = between pairs 5.8 dB ⊕ within a pair 3.9 dB;
 *  - 50 of 72 pairs logged the full 15 minutes: 0.69^(1/3) = 0.89 per 5-minute scan.
 * The bus (Leith & Farrell, PLoS ONE 16(5): e0250826) reports the same picture without the
 * numbers here (attenuation need not rise with distance, ±10 dB from changing the people in
 * the seats, consistent with a 5.8 dB pair spread): using the tram's values there is an
 * assumption, and so is using either for Vietnamese buses.
 */
export const TRANSIT: RadioEnvironment = Object.freeze({
  id: "transit",
  name: "Bus or tram (metal-rich vehicle)",
  oneMeterAttenuationDb: 63.9,
  pathLossExponent: 0.37,
  pairSdDb: 5.8,
  fadingSdDb: 3.9,
  // The measured spread already holds the passengers' pockets, bags and bodies.
  placements: Object.freeze([{ id: "as-measured", share: 1, lossDb: 0 }]),
  scanDetectProbability: 0.89,
  sources: Object.freeze(["leith-farrell-tram-2020", "leith-farrell-bus-2021"]),
});
