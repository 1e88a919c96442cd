import type { AgeBandConfig, LayerConfig } from "../config.js";
import { below, hash2, normal, unit } from "../rng.js";
import { GrowableUint32 } from "./growable.js";
import type { Clusters } from "./population.js";

/**
 * Workplaces or schools of one layer: per region, members drawn from the layer's age range
 * with its participation share, shuffled, then cut into clusters of lognormal size around
 * the mean (at least 2, so every member has someone to meet).
 */
export function buildClusters(
  layer: LayerConfig,
  bands: readonly AgeBandConfig[],
  ageBand: Uint8Array,
  regionStart: Uint32Array,
  seed: number,
): Clusters {
  const spec = layer.cluster;
  if (!spec) return { members: new Uint32Array(0), start: new Uint32Array([0]) };
  const inRange = bands.map((b) => b.from >= spec.ageFrom && b.to <= spec.ageTo);
  const members = new GrowableUint32(1024);
  const start = new GrowableUint32(64);
  let c = 0;
  for (let r = 0; r + 1 < regionStart.length; r++) {
    const first = members.length;
    for (let i = regionStart[r]!; i < regionStart[r + 1]!; i++) {
      if (inRange[ageBand[i]!] && unit(hash2(seed, i)) < spec.participation) members.push(i);
    }
    const m = members.view();
    for (let i = m.length - 1; i > first; i--) {
      const j = first + below(hash2(seed ^ 0x68e31da4, i), i - first + 1);
      const t = m[i]!;
      m[i] = m[j]!;
      m[j] = t;
    }
    let k = first;
    while (k < members.length) {
      start.push(k);
      const z = normal(hash2(seed ^ 0x1b873593, c), hash2(seed ^ 0xcc9e2d51, c));
      const size = Math.max(2, Math.round(spec.meanSize * Math.exp(0.5 * z - 0.125)));
      c++;
      // Never leave a lone member at the region's end.
      k = members.length - (k + size) < 2 ? members.length : k + size;
    }
  }
  start.push(members.length);
  return { members: members.toArray(), start: start.toArray() };
}
