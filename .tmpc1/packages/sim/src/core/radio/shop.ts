import type { RadioEnvironment } from "./environment.js";

/**
 * A shop or market: standing customers and stall-holders, phones in pockets and bags, other
 * bodies in between. Same open-room propagation assumption as a home, a wider pair spread for
 * the crowd (6 dB) and mostly carried phones. All assumptions sized after Leith & Farrell
 * (2020); no measurement from a Vietnamese market exists here.
 */
export const SHOP: RadioEnvironment = Object.freeze({
  id: "shop",
  name: "Shop or market",
  oneMeterAttenuationDb: 50,
  pathLossExponent: 2,
  pairSdDb: 6,
  fadingSdDb: 3.9,
  placements: Object.freeze([
    { id: "hand", share: 0.2, lossDb: 3 },
    { id: "pocket", share: 0.5, lossDb: 8 },
    { id: "bag", share: 0.3, lossDb: 6 },
  ]),
  scanDetectProbability: 0.89,
  sources: Object.freeze(["leith-farrell-2020", "assumption"]),
});
