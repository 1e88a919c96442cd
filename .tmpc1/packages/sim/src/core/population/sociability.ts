import type { SociabilityConfig } from "../config.js";
import { hash2, unit } from "../rng.js";

/**
 * Tickets for one-off mixing contacts: agent a appears t_a times, t_a negative binomial with
 * mean `meanTickets` and shape `shape` (a Poisson count around a gamma weight), so an
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
  const cdf = negativeBinomialCdf(config.meanTickets, config.shape);
  for (let a = 0; a < n; a++) {
    // Inverse CDF from one hash (the mean is small: a few steps).
    const u = unit(hash2(seed, a));
    let t = 0;
    while (t < cdf.length - 1 && u >= cdf[t]!) t++;
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

/**
 * P(t ≤ x) for x = 0 … 255 of a negative binomial with mean `mean` and shape `shape`
 * (variance mean + mean² / shape), by the recurrence P(t + 1) = P(t) · (t + shape) / (t + 1) ·
 * mean / (mean + shape).
 */
export function negativeBinomialCdf(mean: number, shape: number): Float64Array {
  const cdf = new Float64Array(256);
  const q = mean / (mean + shape);
  let p = (shape / (mean + shape)) ** shape;
  let sum = 0;
  for (let t = 0; t < 256; t++) {
    sum += p;
    cdf[t] = sum;
    p *= ((t + shape) / (t + 1)) * q;
  }
  cdf[255] = 1;
  return cdf;
}
