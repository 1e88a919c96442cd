import type { LayerConfig } from "../config.js";
import type { Population } from "../population/population.js";
import { householdOf } from "../population/population.js";
import type { ContactLayer, ContactVisitor } from "./layer.js";

/** Every member of a household meets every other member, every day. */
export function householdLayer(config: LayerConfig, pop: Population): ContactLayer {
  const hs = pop.householdStart;
  let pairsPerDay = 0;
  for (let h = 0; h + 1 < hs.length; h++) {
    const s = hs[h + 1]! - hs[h]!;
    pairsPerDay += (s * (s - 1)) / 2;
  }
  const visitHousehold = (h: number, flagged: Uint8Array | null, visit: ContactVisitor) => {
    for (let a = hs[h]!; a < hs[h + 1]!; a++) {
      for (let b = a + 1; b < hs[h + 1]!; b++) {
        if (flagged === null || flagged[a] !== 0 || flagged[b] !== 0) visit(a, b, b);
      }
    }
  };
  return {
    config,
    scan(_day: number, flagged: Uint8Array | null, visit: ContactVisitor): number {
      if (flagged === null) {
        for (let h = 0; h + 1 < hs.length; h++) visitHousehold(h, null, visit);
        return pairsPerDay;
      }
      // Only the households of flagged agents: the pairs are implicit in the structure.
      let lastH = -1;
      for (let a = 0; a < flagged.length; a++) {
        if (flagged[a] === 0 || a < (lastH >= 0 ? hs[lastH + 1]! : 0)) continue;
        lastH = householdOf(pop, a);
        visitHousehold(lastH, flagged, visit);
      }
      return pairsPerDay;
    },
  };
}
