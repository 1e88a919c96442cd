import type { LayerConfig } from "../config.js";
import type { Population } from "../population/population.js";
import { householdOf } from "../population/population.js";
import { type ContactLayer, type ContactVisitor, partRanges, type ScanPart } from "./layer.js";

/** Every member of a household meets every other member, every day. */
export function householdLayer(config: LayerConfig, pop: Population): ContactLayer {
  const hs = pop.householdStart;
  let pairsPerDay = 0;
  for (let h = 0; h + 1 < hs.length; h++) {
    pairsPerDay += pairsIn(hs[h + 1]! - hs[h]!);
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
    scan(
      _day: number,
      flagged: Uint8Array | null,
      visit: ContactVisitor,
      _count = true,
      part?: ScanPart,
    ): number {
      const [from, to] = partRanges(hs, part);
      // A part's share of the day's pairs (the whole day's when there are no parts).
      let pairs = pairsPerDay;
      if (part !== undefined && part.of > 1) {
        pairs = 0;
        for (let h = from; h < to; h++) pairs += pairsIn(hs[h + 1]! - hs[h]!);
      }
      if (flagged === null) {
        for (let h = from; h < to; h++) visitHousehold(h, null, visit);
        return pairs;
      }
      // Only the households of flagged agents: the pairs are implicit in the structure.
      let lastH = -1;
      const end = Math.min(hs[to]!, flagged.length);
      for (let a = hs[from]!; a < end; a++) {
        if (flagged[a] === 0 || a < (lastH >= 0 ? hs[lastH + 1]! : 0)) continue;
        lastH = householdOf(pop, a);
        visitHousehold(lastH, flagged, visit);
      }
      return pairs;
    },
  };
}

function pairsIn(size: number): number {
  return (size * (size - 1)) / 2;
}
