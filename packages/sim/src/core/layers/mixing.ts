import type { LayerConfig } from "../config.js";
import type { Population } from "../population/population.js";
import { below, hash2, mix32, unit } from "../rng.js";
import {
  type ContactLayer,
  type ContactVisitor,
  REGULAR_PAIR_BIT,
  stochasticRound,
} from "./layer.js";

const FLAGGED_BIT = 0x80;
const GOLDEN = 0x9e3779b9;
/**
 * Distances (in agents) to regular partners. Agents are contiguous by household, so these
 * reach other households of the region: fixed neighbours, not household members.
 */
const REGULAR_OFFSETS = [37, 101, 211, 307, 401, 503];

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
  // Meeting thresholds on 16 bits by band pair.
  const meet = new Uint32Array(128 * 128);
  for (let x = 0; x < 128; x++)
    for (let y = 0; y < 128; y++)
      meet[x * 128 + y] = Math.round(65536 * q * (accept[x]! / 4096) * (accept[y]! / 4096));
  let tag = new Uint8Array(0);

  return {
    config,
    scan(day: number, flagged: Uint8Array | null, visit: ContactVisitor): number {
      // One byte per agent for the hot loop: age band, and the flagged bit on top.
      if (tag.length !== ageBand.length) tag = new Uint8Array(ageBand.length);
      for (let i = 0; i < tag.length; i++)
        tag[i] = ageBand[i]! | (flagged !== null && flagged[i] !== 0 ? FLAGGED_BIT : 0);
      const s = seedOf(day);
      let k = 0;
      let regular = 0;
      for (let r = 0; r + 1 < regionStart.length; r++) {
        const lo = regionStart[r]!;
        const n = regionStart[r + 1]! - lo;
        if (n < 2) continue;
        const tlo = ticketStart[r]!;
        const nt = ticketStart[r + 1]! - tlo;
        if (nt >= 2) {
          const pairs = stochasticRound(n * half, unit(hash2(s ^ 0x165667b1, r)));
          for (const end = k + pairs; k < end; k++) {
            // The position uses the hash's high bits, acceptance its low 12 bits.
            let h = hash2(s, 2 * k);
            let a = tickets[tlo + below(h, nt)]!;
            while ((h & 0xfff) >= accept[tag[a]! & 0x7f]!) {
              h = mix32(h + GOLDEN);
              a = tickets[tlo + below(h, nt)]!;
            }
            h = hash2(s, 2 * k + 1);
            let b = tickets[tlo + below(h, nt)]!;
            while (b === a || (h & 0xfff) >= accept[tag[b]! & 0x7f]!) {
              h = mix32(h + GOLDEN);
              b = tickets[tlo + below(h, nt)]!;
            }
            if (flagged === null || ((tag[a]! | tag[b]!) & FLAGGED_BIT) !== 0) visit(a, b, k);
          }
        }
        regular += regularTies(s, lo, n, offsets, tag, meet, flagged !== null, visit);
      }
      return k + regular;
    },
  };
}

/** Each agent's ties to agents `offsets` further on (wrapping in the region), met today or not. */
function regularTies(
  s: number,
  lo: number,
  n: number,
  offsets: readonly number[],
  tag: Uint8Array,
  meet: Uint32Array,
  onlyFlagged: boolean,
  visit: ContactVisitor,
): number {
  let met = 0;
  const sr = s ^ 0x2c1b3c6d;
  for (let i = 0; i < n; i++) {
    const a = lo + i;
    const ta = tag[a]!;
    for (let j = 0; j < offsets.length; j += 2) {
      // One hash decides two ties: 16 bits each.
      const h = hash2(sr, a * 3 + (j >> 1));
      for (let jj = j; jj < j + 2 && jj < offsets.length; jj++) {
        const b = lo + ((i + offsets[jj]!) % n);
        if (b === a) continue;
        const tb = tag[b]!;
        const bits = jj === j ? h & 0xffff : h >>> 16;
        if (bits >= meet[(ta & 0x7f) * 128 + (tb & 0x7f)]!) continue;
        met++;
        if (!onlyFlagged || ((ta | tb) & FLAGGED_BIT) !== 0)
          visit(a, b, (REGULAR_PAIR_BIT | (a * offsets.length + jj)) >>> 0);
      }
    }
  }
  return met;
}

function meanAcceptance(ageBand: Uint8Array, accept: Uint32Array): number {
  if (ageBand.length === 0) return 0;
  const counts = new Float64Array(128);
  for (let i = 0; i < ageBand.length; i++) counts[ageBand[i]!]!++;
  let s = 0;
  for (let b = 0; b < 128; b++) s += counts[b]! * (accept[b]! / 4096);
  return s / ageBand.length;
}
