import type { AgeBandConfig, LayerConfig } from "../config.js";
import { below, hash2, normal, unit } from "../rng.js";
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
): Clusters {
  const spec = layer.cluster;
  if (!spec) return { members: new Uint32Array(0), start: new Uint32Array([0]), memberContacts: 0 };
  const shares = memberShares(layer, bands);
  const members = new GrowableUint32(1024);
  const regionFirst: number[] = [];
  for (let r = 0; r + 1 < regionStart.length; r++) {
    regionFirst.push(members.length);
    // Systematic selection per band: the band's share exactly (±1), from a random start.
    const seen = new Float64Array(shares.length);
    const offset = shares.map((_, b) => unit(hash2(seed, r * 128 + b)));
    for (let i = regionStart[r]!; i < regionStart[r + 1]!; i++) {
      const b = ageBand[i]!;
      const before = Math.floor(offset[b]! + seen[b]! * shares[b]!);
      seen[b]!++;
      if (Math.floor(offset[b]! + seen[b]! * shares[b]!) > before) members.push(i);
    }
  }
  regionFirst.push(members.length);
  const population = regionStart[regionStart.length - 1]!;
  const memberContacts =
    members.length > 0 ? (layer.contactsPerDay * population) / members.length : 0;
  const minSize = Math.max(2, Math.ceil(memberContacts) + 1);
  const m = members.view();
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
  start.push(members.length);
  return { members: members.toArray(), start: start.toArray(), memberContacts };
}
