import type { AgeBandConfig, LayerConfig } from "../config.js";
import { below, hash2, normal, unit } from "../rng.js";
import { copyU32, type PopulationArrays, plainArrays } from "./arrays.js";
import { GrowableUint32 } from "./growable.js";
import type { Clusters } from "./population.js";

/**
 * Share of each age band that belongs to the layer's clusters. With contacts by age band,
 * a band joins in proportion to its rate (participation × rate / top rate), so every member
 * meets the same number of colleagues and each band's population mean is its rate — a band
 * only partly inside the cluster's nominal age range still gets its contacts. Without, the
 * bands inside the age range join with the participation share (a band partly inside, with
 * the share of its years inside).
 */
export function memberShares(layer: LayerConfig, bands: readonly AgeBandConfig[]): number[] {
  const spec = layer.cluster!;
  const rates = layer.contactsByAgeBand;
  const max = rates ? Math.max(...rates) : 0;
  if (rates && max > 0) return rates.map((r) => (spec.participation * r) / max);
  return bands.map((b) => {
    const to = Number.isFinite(b.to) ? b.to : Math.max(b.from, spec.ageTo);
    const overlap = Math.min(to, spec.ageTo) - Math.max(b.from, spec.ageFrom) + 1;
    return overlap > 0 ? (spec.participation * overlap) / (to - b.from + 1) : 0;
  });
}

/**
 * Workplaces or schools of one layer: per region, members taken by age band (`memberShares`),
 * shuffled, then cut into clusters of lognormal size around the mean — never smaller than a
 * member's daily colleagues + 1, so every member can reach the layer's mean.
 */
export function buildClusters(
  layer: LayerConfig,
  bands: readonly AgeBandConfig[],
  ageBand: Uint8Array,
  regionStart: Uint32Array,
  seed: number,
  arrays: PopulationArrays = plainArrays,
): Clusters {
  const spec = layer.cluster;
  if (!spec) return { members: new Uint32Array(0), start: new Uint32Array([0]), memberContacts: 0 };
  const shares = memberShares(layer, bands);
  const population = regionStart[regionStart.length - 1]!;
  // Each region takes at most ⌊1 + share × agents⌋ of a band: written in place into one array
  // of that bound (no regrowing at national scale).
  const perBand = new Float64Array(shares.length);
  for (let i = 0; i < population; i++) perBand[ageBand[i]!]!++;
  let capacity = (regionStart.length - 1) * shares.length;
  shares.forEach((x, b) => {
    capacity += Math.ceil(x * perBand[b]!);
  });
  // Made where the population lives (`arrays`) and returned trimmed by a view: the slack
  // is a couple of agents per region and band, so a compact copy would only cost time.
  const all = arrays.u32(Math.min(population, capacity));
  let count = 0;
  const regionFirst: number[] = [];
  for (let r = 0; r + 1 < regionStart.length; r++) {
    regionFirst.push(count);
    // Systematic selection per band: the band's share exactly (±1), from a random start.
    const seen = new Float64Array(shares.length);
    const offset = Float64Array.from(shares, (_, b) => unit(hash2(seed, r * 128 + b)));
    const share = Float64Array.from(shares);
    for (let i = regionStart[r]!; i < regionStart[r + 1]!; i++) {
      const b = ageBand[i]!;
      const before = Math.floor(offset[b]! + seen[b]! * share[b]!);
      seen[b]!++;
      if (Math.floor(offset[b]! + seen[b]! * share[b]!) > before) all[count++] = i;
    }
  }
  regionFirst.push(count);
  const memberContacts = count > 0 ? (layer.contactsPerDay * population) / count : 0;
  const minSize = Math.max(2, Math.ceil(memberContacts) + 1);
  const m = all.subarray(0, count);
  const start = new GrowableUint32(64);
  let c = 0;
  for (let r = 0; r + 1 < regionFirst.length; r++) {
    const first = regionFirst[r]!;
    const last = regionFirst[r + 1]!;
    for (let i = last - 1; i > first; i--) {
      const j = first + below(hash2(seed ^ 0x68e31da4, i), i - first + 1);
      const t = m[i]!;
      m[i] = m[j]!;
      m[j] = t;
    }
    let k = first;
    while (k < last) {
      start.push(k);
      const z = normal(hash2(seed ^ 0x1b873593, c), hash2(seed ^ 0xcc9e2d51, c));
      const size = Math.max(minSize, Math.round(spec.meanSize * Math.exp(0.5 * z - 0.125)));
      c++;
      // Never leave a cluster too small at the region's end.
      k = last - (k + size) < minSize ? last : k + size;
    }
  }
  start.push(count);
  return { members: m, start: copyU32(arrays, start.view()), memberContacts };
}
