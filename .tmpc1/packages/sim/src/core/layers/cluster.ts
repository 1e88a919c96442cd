import type { LayerConfig } from "../config.js";
import type { Clusters } from "../population/population.js";
import { hashFast, mix32i, WEYL } from "../rng.js";
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
  // The day's pair number of each cluster's first tie (ties are numbered member by member).
  const kStart = new Float64Array(clusterCount + 1);
  for (let c = 0; c < clusterCount; c++) {
    const m = start[c + 1]! - start[c]!;
    kStart[c + 1] = kStart[c]! + (m < 2 ? 0 : m * tiesOf[c]! + (halfOf[c] === 1 ? m / 2 : 0));
  }
  const tables: ClusterTables = {
    members,
    start,
    fullOf,
    tiesOf,
    threshold,
    partialThreshold,
    halfOf,
    kStart,
  };
  return {
    config,
    scan(day: number, flagged: Uint8Array | null, visit: ContactVisitor, count = true): number {
      const s = seedOf(day);
      // Without the count, only the ties around flagged agents need deciding.
      if (!count && flagged !== null) return tiesAround(tables, s, flagged, visit);
      let k = 0;
      let w = 0;
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
          const fa = flagged === null ? 1 : flagged[a]!;
          // Ties to the next `full` members round the ring, then a partial one, then (even
          // full clusters) the opposite member once per pair. One hash per tie, every day.
          const ties = tiesOf[c]! + (half && i - lo < m / 2 ? 1 : 0);
          // hashFast(s, k), stepping its Weyl sequence w = k · WEYL (rng.ts, mix32i).
          for (let d = 1; d <= ties; d++, k++, w = (w + WEYL) | 0) {
            // 1 if the tie meets today (draw < threshold, both < 2²⁵: the sign of the
            // difference), counted without a branch: the draw is a coin toss no branch
            // predictor can guess, and a flagged endpoint is rare.
            const meets = ((mix32i(s ^ w) >>> 8) - (d > full && !half ? tLast : t)) >>> 31;
            met += meets;
            const offset = half && d > full ? m / 2 : d;
            let j = i + offset;
            if (j >= hi) j -= m;
            const b = members[j]!;
            if ((fa !== 0 || flagged![b] !== 0) && meets !== 0) visit(a, b, k);
          }
        }
      }
      return met;
    },
  };
}

/** A layer's clusters and each cluster's plan for the day's ties. */
interface ClusterTables {
  members: Uint32Array;
  start: Uint32Array;
  fullOf: Uint16Array;
  tiesOf: Uint16Array;
  threshold: Uint32Array;
  partialThreshold: Uint32Array;
  halfOf: Uint8Array;
  kStart: Float64Array;
}

/**
 * The same ties the full scan decides, decided only around flagged members: each flagged
 * member's own ties, and the ties pointing at it from members that are not flagged (a flagged
 * owner visits its ties itself), so every tie touching a flagged agent is visited once, with
 * the pair number and verdict of the full scan. Returns the pairs visited.
 */
function tiesAround(
  t: ClusterTables,
  s: number,
  flagged: Uint8Array,
  visit: ContactVisitor,
): number {
  const { members, start } = t;
  let visited = 0;
  for (let c = 0; c + 1 < start.length; c++) {
    const lo = start[c]!;
    const m = start[c + 1]! - lo;
    if (m < 2) continue;
    const ties = t.tiesOf[c]!;
    const half = t.halfOf[c] === 1;
    for (let p = 0; p < m; p++) {
      const a = members[lo + p]!;
      if (flagged[a] === 0) continue;
      const own = ties + (half && p < m / 2 ? 1 : 0);
      for (let d = 1; d <= own; d++) {
        const k = tieNumber(t, c, m, p, d);
        if (!tieMeets(t, c, s, k, d)) continue;
        const offset = half && d > t.fullOf[c]! ? m / 2 : d;
        const q = p + offset >= m ? p + offset - m : p + offset;
        visit(a, members[lo + q]!, k);
        visited++;
      }
      // Ties owned by the members `offset` before p; the half tie only from the first half.
      const incoming = ties + (half && p >= m / 2 ? 1 : 0);
      for (let d = 1; d <= incoming; d++) {
        const offset = half && d > t.fullOf[c]! ? m / 2 : d;
        const o = p - offset < 0 ? p - offset + m : p - offset;
        const b = members[lo + o]!;
        if (flagged[b] !== 0) continue;
        const k = tieNumber(t, c, m, o, d);
        if (!tieMeets(t, c, s, k, d)) continue;
        visit(b, a, k);
        visited++;
      }
    }
  }
  return visited;
}

/** The day's pair number of tie `d` of member `p` of cluster `c` (m members). */
function tieNumber(t: ClusterTables, c: number, m: number, p: number, d: number): number {
  const before = p * t.tiesOf[c]! + (t.halfOf[c] === 1 ? Math.min(p, m / 2) : 0);
  return t.kStart[c]! + before + d - 1;
}

/** Whether tie `d` (pair number k) of cluster `c` meets on the day of seed s. */
function tieMeets(t: ClusterTables, c: number, s: number, k: number, d: number): boolean {
  const last = d > t.fullOf[c]! && t.halfOf[c] === 0;
  return hashFast(s, k) >>> 8 < (last ? t.partialThreshold[c]! : t.threshold[c]!);
}
