import type { LayerConfig } from "../config.js";
import type { Population } from "../population/population.js";
import { below, hash2, mix32, unit } from "../rng.js";
import type { ContactLayer, ContactVisitor } from "./layer.js";
import { stochasticRound } from "./layer.js";

const FLAGGED_BIT = 0x80;
const GOLDEN = 0x9e3779b9;

/**
 * Markets, community, transport: random pairs among a region's agents, agents ×
 * contactsPerDay / 2 a day, so each agent meets contactsPerDay strangers on average. With
 * contacts by age band, each endpoint is accepted with probability rate(band) / max rate and
 * redrawn otherwise, so an agent of band b meets about rate(b) people a day.
 */
export function mixingLayer(
  config: LayerConfig,
  pop: Population,
  seedOf: (day: number) => number,
): ContactLayer {
  const { regionStart, ageBand } = pop;
  const half = config.contactsPerDay / 2;
  const rates = config.contactsByAgeBand;
  const max = rates ? Math.max(...rates) : 0;
  // Acceptance thresholds on 12 bits, by age band; 4096 everywhere means uniform.
  const accept = new Uint32Array(128).fill(4096);
  if (rates && max > 0) {
    rates.forEach((r, b) => {
      accept[b] = Math.round((4096 * r) / max);
    });
  }
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
      for (let r = 0; r + 1 < regionStart.length; r++) {
        const lo = regionStart[r]!;
        const n = regionStart[r + 1]! - lo;
        if (n < 2) continue;
        const pairs = stochasticRound(n * half, unit(hash2(s ^ 0x165667b1, r)));
        for (const end = k + pairs; k < end; k++) {
          // The position uses the hash's high bits, acceptance its low 12 bits.
          let h = hash2(s, 2 * k);
          let a = lo + below(h, n);
          while ((h & 0xfff) >= accept[tag[a]! & 0x7f]!) {
            h = mix32(h + GOLDEN);
            a = lo + below(h, n);
          }
          h = hash2(s, 2 * k + 1);
          let b = lo + below(h, n);
          while (b === a || (h & 0xfff) >= accept[tag[b]! & 0x7f]!) {
            h = mix32(h + GOLDEN);
            b = lo + below(h, n);
          }
          if (flagged === null || ((tag[a]! | tag[b]!) & FLAGGED_BIT) !== 0) visit(a, b, k);
        }
      }
      return k;
    },
  };
}
