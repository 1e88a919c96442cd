import type { RadioEnvironment } from "./environment.js";

/**
 * A home: rooms with furniture, phones on tables, in hands and pockets. No GAEN attenuation
 * dataset of homes is at hand: the level and exponent are assumptions (open-room propagation,
 * exponent 2, with 50 dB at 1 m so that the 55 dB boundary of the Swiss and threshold rules
 * falls near 1.8 m for phones in hand); placement losses follow the body and pocket effects
 * Leith & Farrell (2020, "Coronavirus contact tracing: evaluating the potential of using
 * Bluetooth received signal strength for proximity detection") report, in size assumed.
 */
export const HOME: RadioEnvironment = Object.freeze({
  id: "home",
  name: "Home",
  oneMeterAttenuationDb: 50,
  pathLossExponent: 2,
  pairSdDb: 4,
  fadingSdDb: 3.9,
  placements: Object.freeze([
    { id: "table", share: 0.4, lossDb: 0 },
    { id: "hand", share: 0.3, lossDb: 3 },
    { id: "pocket", share: 0.3, lossDb: 8 },
  ]),
  scanDetectProbability: 0.89,
  sources: Object.freeze(["leith-farrell-2020", "assumption"]),
});
