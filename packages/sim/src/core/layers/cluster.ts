import type { LayerConfig } from "../config.js";
import type { Clusters } from "../population/population.js";
import { hashFast } from "../rng.js";
import type { ContactLayer, ContactVisitor } from "./layer.js";

/** OpenABM-Covid19's daily_fraction_work: the share of one's colleague ties met on a day. */
export const DEFAULT_DAILY_FRACTION = 0.5;

/**
 * Workplaces and schools: each cluster is a fixed network of colleagues (a ring lattice over
 * its shuffled members, as OpenABM-Covid19's occupation networks are small-world graphs), and
 * each tie meets on a given day with a fixed probability, so colleagues recur day after day
 * and no pair meets twice in a day. Members carry all the layer's contacts: each meets
 * `memberContacts` colleagues a day on average (`clusters.ts` draws members by age band in
 * proportion to the band's rate, so each band's population mean is its rate).
 */
export function clusterLayer(
  config: LayerConfig,
  clusters: Clusters,
  memberContacts: number,
  seedOf: (day: number) => number,
): ContactLayer {
  const { members, start } = clusters;
  const q0 = config.dailyFraction ?? DEFAULT_DAILY_FRACTION;
  // Ties per member on each side (h) and today's meeting probability, by cluster size.
  const plan = (m: number): { full: number; partial: number; p: number; half: boolean } => {
    const h = memberContacts / (2 * q0);
    if (2 * Math.ceil(h) <= m - 1) {
      const full = Math.floor(h);
      return { full, partial: h - full, p: q0, half: false };
    }
    // A small cluster: everyone is tied to everyone, met often enough to reach the mean.
    const p = Math.min(1, memberContacts / (m - 1));
    return { full: Math.floor((m - 1) / 2), partial: 0, p, half: m % 2 === 0 };
  };
  // Each cluster's plan, worked out once: ties round the ring and today's thresholds.
  const clusterCount = Math.max(0, start.length - 1);
  const fullOf = new Uint16Array(clusterCount);
  const tiesOf = new Uint16Array(clusterCount);
  const threshold = new Uint32Array(clusterCount);
  const partialThreshold = new Uint32Array(clusterCount);
  const halfOf = new Uint8Array(clusterCount);
  for (let c = 0; c < clusterCount; c++) {
    const m = start[c + 1]! - start[c]!;
    if (m < 2) continue;
    const { full, partial, p, half } = plan(m);
    fullOf[c] = full;
    tiesOf[c] = full + (partial > 0 ? 1 : 0);
    threshold[c] = Math.round(p * 0x1000000);
    partialThreshold[c] = partial > 0 ? Math.round(p * partial * 0x1000000) : threshold[c]!;
    halfOf[c] = half ? 1 : 0;
  }
  return {
    config,
    scan(day: number, flagged: Uint8Array | null, visit: ContactVisitor): number {
      const s = seedOf(day);
      let k = 0;
      let met = 0;
      for (let c = 0; c + 1 < start.length; c++) {
        const lo = start[c]!;
        const m = start[c + 1]! - lo;
        if (m < 2) continue;
        const full = fullOf[c]!;
        const t = threshold[c]!;
        const tLast = partialThreshold[c]!;
        const half = halfOf[c] === 1;
        const hi = lo + m;
        for (let i = lo; i < hi; i++) {
          const a = members[i]!;
          // Ties to the next `full` members round the ring, then a partial one, then (even
          // full clusters) the opposite member once per pair. One hash per tie, every day.
          const ties = tiesOf[c]! + (half && i - lo < m / 2 ? 1 : 0);
          for (let d = 1; d <= ties; d++, k++) {
            const offset = half && d > full ? m / 2 : d;
            if (hashFast(s, k) >>> 8 >= (d > full && !half ? tLast : t)) continue;
            let j = i + offset;
            if (j >= hi) j -= m;
            const b = members[j]!;
            met++;
            if (flagged === null || flagged[a] !== 0 || flagged[b] !== 0) visit(a, b, k);
          }
        }
      }
      return met;
    },
  };
}
