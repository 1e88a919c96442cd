import type { SociabilityConfig } from "../config.js";
import { hash2, unit } from "../rng.js";

/**
 * Tickets for one-off mixing contacts: agent a appears t_a times, t_a negative binomial with
 * mean `meanTickets` and integer shape `shape` (a Poisson draw around a gamma weight), so an
 * endpoint drawn from the tickets meets strangers in proportion to its weight and daily
 * counts are overdispersed across people, as in OpenABM-Covid19's random network. Tickets are
 * contiguous by region: region r's are tickets[ticketStart[r] .. ticketStart[r + 1]). A ticket
 * holds agent × 8 + age band, so the mixing loop reads the band without a second lookup.
 */
export const TICKET_BAND_BITS = 3;

export function buildTickets(
  config: SociabilityConfig,
  regionStart: Uint32Array,
  ageBand: Uint8Array,
  seed: number,
): { tickets: Uint32Array; ticketStart: Uint32Array } {
  const n = regionStart[regionStart.length - 1]!;
  if (n >= 2 ** (32 - TICKET_BAND_BITS)) throw new RangeError(`${n} agents: too many for tickets`);
  const count = new Uint8Array(n);
  let total = 0;
  const theta = config.meanTickets / config.shape;
  for (let a = 0; a < n; a++) {
    // Gamma(shape, theta) as a sum of `shape` exponentials, then Poisson by inversion.
    let g = 0;
    for (let s = 0; s < config.shape; s++) g -= Math.log(1 - unit(hash2(seed, a * 8 + s)));
    const lambda = g * theta;
    let t = 0;
    let p = Math.exp(-lambda);
    let cdf = p;
    const u = unit(hash2(seed ^ 0x5bd1e995, a));
    while (u > cdf && t < 255) {
      t++;
      p *= lambda / t;
      cdf += p;
    }
    count[a] = t;
    total += t;
  }
  const tickets = new Uint32Array(total);
  const ticketStart = new Uint32Array(regionStart.length);
  let k = 0;
  for (let r = 0; r + 1 < regionStart.length; r++) {
    ticketStart[r] = k;
    for (let a = regionStart[r]!; a < regionStart[r + 1]!; a++) {
      const band = ageBand[a]!;
      if (band >= 1 << TICKET_BAND_BITS) throw new RangeError("more than 8 age bands");
      for (let t = 0; t < count[a]!; t++) tickets[k++] = (a << TICKET_BAND_BITS) | band;
    }
  }
  ticketStart[regionStart.length - 1] = k;
  return { tickets, ticketStart };
}
