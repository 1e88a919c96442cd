import type { LayerConfig } from "../config.js";
import { below, hash2, unit } from "../rng.js";
import type { ContactLayer, ContactVisitor } from "./layer.js";
import { stochasticRound } from "./layer.js";

/**
 * Markets, community, transport: random pairs among a region's agents, about
 * agents × contactsPerDay / 2 a day, so each agent meets contactsPerDay strangers on average.
 */
export function mixingLayer(
  config: LayerConfig,
  regionStart: Uint32Array,
  seedOf: (day: number) => number,
): ContactLayer {
  const half = config.contactsPerDay / 2;
  return {
    config,
    scan(day: number, flagged: Uint8Array | null, visit: ContactVisitor): number {
      const s = seedOf(day);
      let k = 0;
      for (let r = 0; r + 1 < regionStart.length; r++) {
        const lo = regionStart[r]!;
        const n = regionStart[r + 1]! - lo;
        if (n < 2) continue;
        const pairs = stochasticRound(n * half, unit(hash2(s ^ 0x165667b1, r)));
        const end = k + pairs;
        if (flagged === null) {
          for (; k < end; k++) {
            const a = lo + below(hash2(s, 2 * k), n);
            let b = lo + below(hash2(s, 2 * k + 1), n - 1);
            if (b >= a) b++;
            visit(a, b, k);
          }
          continue;
        }
        for (; k < end; k++) {
          const a = lo + below(hash2(s, 2 * k), n);
          let b = lo + below(hash2(s, 2 * k + 1), n - 1);
          if (b >= a) b++;
          if (flagged[a] !== 0 || flagged[b] !== 0) visit(a, b, k);
        }
      }
      return k;
    },
  };
}
