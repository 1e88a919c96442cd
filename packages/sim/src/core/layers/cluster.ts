import type { LayerConfig } from "../config.js";
import type { Clusters } from "../population/population.js";
import { below, hash2, unit } from "../rng.js";
import type { ContactLayer, ContactVisitor } from "./layer.js";
import { stochasticRound } from "./layer.js";

/**
 * Workplaces and schools: each day a cluster makes pairs between random members, so many that
 * the layer's contacts per agent of the whole population (as contact surveys report them)
 * equal contactsPerDay; members carry them all.
 */
export function clusterLayer(
  config: LayerConfig,
  clusters: Clusters,
  populationSize: number,
  seedOf: (day: number) => number,
): ContactLayer {
  const { members, start } = clusters;
  const half =
    members.length > 0 ? (config.contactsPerDay * populationSize) / members.length / 2 : 0;
  return {
    config,
    scan(day: number, flagged: Uint8Array | null, visit: ContactVisitor): number {
      const s = seedOf(day);
      const sCount = s ^ 0x27d4eb2f;
      let k = 0;
      for (let c = 0; c + 1 < start.length; c++) {
        const lo = start[c]!;
        const m = start[c + 1]! - lo;
        if (m < 2) continue;
        const pairs = stochasticRound(m * half, unit(hash2(sCount, c)));
        for (let p = 0; p < pairs; p++, k++) {
          const i = below(hash2(s, 2 * k), m);
          let j = below(hash2(s, 2 * k + 1), m - 1);
          if (j >= i) j++;
          const a = members[lo + i]!;
          const b = members[lo + j]!;
          if (flagged === null || flagged[a] !== 0 || flagged[b] !== 0) visit(a, b, k);
        }
      }
      return k;
    },
  };
}
