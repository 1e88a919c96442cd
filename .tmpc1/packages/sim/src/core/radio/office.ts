import type { RadioEnvironment } from "./environment.js";

/**
 * An office or classroom: people at desks, phones on desks or in pockets and bags. Same
 * propagation assumptions as a home (docs/MODEL.md, "Radio"); more phones lie on desks, some
 * sit in bags. Level, exponent and losses are assumptions sized after Leith & Farrell (2020).
 */
export const OFFICE: RadioEnvironment = Object.freeze({
  id: "office",
  name: "Office or classroom",
  oneMeterAttenuationDb: 50,
  pathLossExponent: 2,
  pairSdDb: 4,
  fadingSdDb: 3.9,
  placements: Object.freeze([
    { id: "desk", share: 0.5, lossDb: 0 },
    { id: "pocket", share: 0.3, lossDb: 8 },
    { id: "bag", share: 0.2, lossDb: 6 },
  ]),
  scanDetectProbability: 0.89,
  sources: Object.freeze(["leith-farrell-2020", "assumption"]),
});
