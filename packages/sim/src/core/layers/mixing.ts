import type { LayerConfig } from "../config.js";
import type { Population } from "../population/population.js";
import { TICKET_BAND_BITS } from "../population/sociability.js";
import { hash2, hashFast, INV_2_32, mix32i, unit, WEYL } from "../rng.js";
import {
  type ContactLayer,
  type ContactVisitor,
  partRanges,
  REGULAR_PAIR_BIT,
  type ScanPart,
  stochasticRound,
} from "./layer.js";

const GOLDEN = 0x9e3779b9;
const BAND_MASK = (1 << TICKET_BAND_BITS) - 1;
/**
 * Distances (in agents) to regular partners. Agents are contiguous by household, so these
 * reach other households of the region: fixed neighbours, not household members.
 */
const REGULAR_OFFSETS = [37, 101];

/**
 * Markets, community, transport. Two kinds of partner:
 *  - regular partners (neighbours, fellow commuters): each agent has `regular.partners` fixed
 *    people in its region and meets each on a share of days, so that a share
 *    `regular.share` of the layer's contacts recur day after day;
 *  - one-off strangers: random pairs among a region's agents, drawn from sociability tickets
 *    (so some people meet many strangers and some none: overdispersed counts).
 * With contacts by age band, each endpoint is accepted with probability rate(band) / max
 * rate, so an agent of band b meets about rate(b) people a day.
 */
export function mixingLayer(
  config: LayerConfig,
  pop: Population,
  seedOf: (day: number) => number,
): ContactLayer {
  const { regionStart, ageBand, tickets, ticketStart } = pop;
  const regularShare = config.regular?.share ?? 0;
  const offsets = REGULAR_OFFSETS.slice(0, Math.floor((config.regular?.partners ?? 0) / 2));
  const half = ((1 - (offsets.length > 0 ? regularShare : 0)) * config.contactsPerDay) / 2;
  const rates = config.contactsByAgeBand;
  const max = rates ? Math.max(...rates) : 0;
  // Acceptance thresholds on 12 bits, by age band; 4096 everywhere means uniform.
  const accept = new Uint32Array(128).fill(4096);
  if (rates && max > 0) {
    rates.forEach((r, b) => {
      accept[b] = Math.round((4096 * r) / max);
    });
  }
  // Regular ties meet with probability q·g(a)·g(b), g = rate / max: agent a then meets
  // 2·|offsets|·q·g(a)·mean(g) regular partners a day; q makes that regularShare·rate(a).
  const meanG = meanAcceptance(ageBand, accept);
  const q =
    offsets.length > 0 && meanG > 0
      ? (regularShare * (rates ? max : config.contactsPerDay)) / (2 * offsets.length * meanG)
      : 0;
  if (q > 1) {
    throw new RangeError(
      `layer ${config.id}: ${regularShare} of its contacts cannot come from ${2 * offsets.length} regular partners`,
    );
  }
  // Meeting thresholds on 8 bits by band pair (resolution 1/256 of a day's chance).
  const meet = new Uint16Array(128 * 128);
  for (let x = 0; x < 128; x++)
    for (let y = 0; y < 128; y++)
      meet[x * 128 + y] = Math.round(256 * q * (accept[x]! / 4096) * (accept[y]! / 4096));
  const off0 = offsets[0] ?? 0;
  const off1 = offsets[1] ?? 0;
  if (offsets.length > 2) throw new RangeError(`layer ${config.id}: at most 4 regular partners`);

  return {
    config,
    scan(
      day: number,
      flagged: Uint8Array | null,
      visit: ContactVisitor,
      count = true,
      part?: ScanPart,
    ): number {
      const s = seedOf(day);
      const [from, to] = partRanges(regionStart, part);
      // One-off pairs are numbered across regions: a part starts after the earlier ones'.
      let k = 0;
      for (let r = 0; r < from; r++) k += oneOffPairs(s, r);
      const first = k;
      let regular = 0;
      for (let r = from; r < to; r++) {
        const lo = regionStart[r]!;
        const n = regionStart[r + 1]! - lo;
        if (n < 2) continue;
        // Pairs never leave their region: without the count, a region with no flagged agent
        // has nothing to visit (a second pass flags the F1, who live in their F0's regions).
        if (!count && flagged !== null && !anyFlagged(flagged, lo, lo + n)) {
          k += oneOffPairs(s, r);
          continue;
        }
        const tlo = ticketStart[r]!;
        const nt = ticketStart[r + 1]! - tlo;
        if (nt >= 2) {
          const pairs = oneOffPairs(s, r);
          // Endpoint 2k and 2k + 1 of pair k hash as hashFast(s, 2k) and hashFast(s, 2k + 1),
          // computed in int32 from the Weyl sequence w; a hash h picks ticket
          // below(h, nt) = floor(h · nt / 2³²) (the same product, rounded once).
          const scale = nt * INV_2_32;
          let w = Math.imul(2 * k, WEYL);
          for (const end = k + pairs; k < end; k++) {
            // The position uses the hash's high bits, acceptance its low 12 bits; a ticket
            // carries its agent's age band in its low bits.
            let h = mix32i(s ^ w);
            w = (w + WEYL) | 0;
            let e = tickets[tlo + (((h >>> 0) * scale) >>> 0)]!;
            while ((h & 0xfff) >= accept[e & BAND_MASK]!) {
              h = mix32i((h + GOLDEN) | 0);
              e = tickets[tlo + (((h >>> 0) * scale) >>> 0)]!;
            }
            const a = e >>> TICKET_BAND_BITS;
            h = mix32i(s ^ w);
            w = (w + WEYL) | 0;
            e = tickets[tlo + (((h >>> 0) * scale) >>> 0)]!;
            while (e >>> TICKET_BAND_BITS === a || (h & 0xfff) >= accept[e & BAND_MASK]!) {
              h = mix32i((h + GOLDEN) | 0);
              e = tickets[tlo + (((h >>> 0) * scale) >>> 0)]!;
            }
            const b = e >>> TICKET_BAND_BITS;
            if (flagged === null || flagged[a] !== 0 || flagged[b] !== 0) visit(a, b, k);
          }
        }
        if (offsets.length === 0) continue;
        const ties = { s, lo, n, off0, off1, count: offsets.length, ageBand, meet };
        // Without the count, only the ties around flagged agents need deciding.
        if (count || flagged === null) regular += regularTies(ties, flagged, visit);
        else regularTiesAround(ties, flagged, visit);
      }
      return k - first + regular;
    },
  };

  /** Region r's one-off pairs on the day of seed s. */
  function oneOffPairs(s: number, r: number): number {
    const n = regionStart[r + 1]! - regionStart[r]!;
    if (n < 2 || ticketStart[r + 1]! - ticketStart[r]! < 2) return 0;
    return stochasticRound(n * half, unit(hash2(s ^ 0x165667b1, r)));
  }
}

function anyFlagged(flagged: Uint8Array, lo: number, hi: number): boolean {
  for (let i = lo; i < hi; i++) if (flagged[i] !== 0) return true;
  return false;
}

/** A region's regular ties on one day: each agent to the agents `off0` and `off1` on. */
interface RegionTies {
  s: number;
  lo: number;
  n: number;
  off0: number;
  off1: number;
  /** Ties per agent: 1 or 2. */
  count: number;
  ageBand: Uint8Array;
  meet: Uint16Array;
}

/**
 * Does owner `a`'s tie `j` meet today? One hash decides the ties of two agents (the even one
 * of the pair in the region and the next), 8 bits a tie.
 */
function tieMeets(t: RegionTies, sr: number, a: number, j: number, b: number): boolean {
  const even = (a - t.lo) & 1;
  const h = hashFast(sr, a - even) >>> (16 * even + 8 * j);
  return (h & 0xff) < t.meet[t.ageBand[a]! * 128 + t.ageBand[b]!]!;
}

/** The tie's partner: `off` agents on, wrapping in the region. */
function partnerOf(t: RegionTies, a: number, off: number): number {
  const b = a + (off % t.n);
  return b >= t.lo + t.n ? b - t.n : b;
}

/**
 * Every regular tie of the region, met today or not: returns how many met. The hot loop of
 * `tieMeets`: one hash per two agents, no modulo.
 */
function regularTies(t: RegionTies, flagged: Uint8Array | null, visit: ContactVisitor): number {
  const { lo, n, ageBand, meet } = t;
  let met = 0;
  const sr = t.s ^ 0x2c1b3c6d;
  const hi = lo + n;
  const o0 = t.off0 % n;
  const o1 = t.off1 % n;
  let h = 0;
  // Whether a tie meets is counted without a branch (1 if draw < threshold, both < 2⁹: the
  // sign of the difference): the draws are coin tosses no branch predictor can guess, and a
  // flagged endpoint is rare.
  for (let a = lo; a < hi; a++) {
    if (((a - lo) & 1) === 0) h = hashFast(sr, a);
    else h >>>= 16;
    const rowA = ageBand[a]! * 128;
    const fa = flagged === null ? 1 : flagged[a]!;
    let b = a + o0;
    if (b >= hi) b -= n;
    if (b !== a) {
      const meets = ((h & 0xff) - meet[rowA + ageBand[b]!]!) >>> 31;
      met += meets;
      if ((fa !== 0 || flagged![b] !== 0) && meets !== 0)
        visit(a, b, (REGULAR_PAIR_BIT | (a * 2)) >>> 0);
    }
    if (t.count < 2) continue;
    b = a + o1;
    if (b >= hi) b -= n;
    if (b !== a) {
      const meets = (((h >>> 8) & 0xff) - meet[rowA + ageBand[b]!]!) >>> 31;
      met += meets;
      if ((fa !== 0 || flagged![b] !== 0) && meets !== 0)
        visit(a, b, (REGULAR_PAIR_BIT | (a * 2 + 1)) >>> 0);
    }
  }
  return met;
}

/**
 * The same ties, decided only around flagged agents (their own ties and those owned by the
 * agents `off` before them), each visited once: the same pairs `regularTies` visits.
 */
function regularTiesAround(t: RegionTies, flagged: Uint8Array, visit: ContactVisitor): void {
  const sr = t.s ^ 0x2c1b3c6d;
  const hi = t.lo + t.n;
  for (let x = t.lo; x < hi; x++) {
    if (flagged[x] === 0) continue;
    for (let j = 0; j < t.count; j++) {
      const off = j === 0 ? t.off0 : t.off1;
      // x's own tie.
      const b = partnerOf(t, x, off);
      if (b !== x && tieMeets(t, sr, x, j, b)) visit(x, b, (REGULAR_PAIR_BIT | (x * 2 + j)) >>> 0);
      // The tie owned by the agent `off` before x, unless that owner is flagged (visited then).
      const owner = partnerOf(t, x, t.n - (off % t.n));
      if (owner !== x && flagged[owner] === 0 && tieMeets(t, sr, owner, j, x))
        visit(owner, x, (REGULAR_PAIR_BIT | (owner * 2 + j)) >>> 0);
    }
  }
}

function meanAcceptance(ageBand: Uint8Array, accept: Uint32Array): number {
  if (ageBand.length === 0) return 0;
  const counts = new Float64Array(128);
  for (let i = 0; i < ageBand.length; i++) counts[ageBand[i]!]!++;
  let s = 0;
  for (let b = 0; b < 128; b++) s += counts[b]! * (accept[b]! / 4096);
  return s / ageBand.length;
}
