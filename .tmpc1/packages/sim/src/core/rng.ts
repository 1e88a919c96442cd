import seedrandom from "seedrandom";

/**
 * Randomness is counter-based: every draw is a hash of (stream seed, counter), so a day's
 * contacts can be regenerated from that day's seed in any order, on any thread, with
 * identical results. seedrandom turns the user's seed into the stream seeds.
 */

/** A 32-bit integer finalizer with good avalanche (lowbias32, C. Wellons). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

/** Hash of a stream seed and a counter, as an unsigned 32-bit integer. */
export function hash2(seed: number, counter: number): number {
  return mix32(seed ^ mix32(counter + 0x9e3779b9));
}

/** The Weyl step of `hashFast`: counter c hashes seed ^ (c · WEYL mod 2³²). */
export const WEYL = 0x9e3779b9;

/**
 * A cheaper hash of a stream seed and a counter for the hottest loops (one finalizer round on
 * a Weyl step of the counter): fine where each counter is used once per seed.
 */
export function hashFast(seed: number, counter: number): number {
  return mix32(seed ^ Math.imul(counter, WEYL));
}

/**
 * `mix32` as a signed 32-bit integer (the same 32 bits). Hot loops step the Weyl sequence
 * themselves — hashFast(seed, c) === mix32i(seed ^ w) >>> 0 with w = Math.imul(c, WEYL), and
 * w for c + 1 is (w + WEYL) | 0 — and stay in int32 arithmetic.
 */
export function mix32i(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  return x ^ (x >>> 15);
}

/** Hash of a stream seed and two counters. */
export function hash3(seed: number, a: number, b: number): number {
  return mix32(hash2(seed, a) ^ Math.imul(b, 0x85ebca6b) ^ 0x5bd1e995);
}

/** 2⁻³²: a 32-bit hash times this is uniform in [0, 1). */
export const INV_2_32 = 1 / 4294967296;

/** Uniform in [0, 1) from a 32-bit hash. */
export function unit(h: number): number {
  return h * INV_2_32;
}

/** Uniform integer in [0, n) from a 32-bit hash. */
export function below(h: number, n: number): number {
  return Math.floor(h * INV_2_32 * n);
}

/** Standard normal from two 32-bit hashes (Box–Muller). */
export function normal(h1: number, h2: number): number {
  const u1 = (h1 + 1) * INV_2_32;
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * unit(h2));
}

/** Named sub-streams derived from the run's seed. */
export class SeedTree {
  private readonly root: number;

  constructor(seed: number | string) {
    this.root = seedrandom(String(seed)).int32() >>> 0;
  }

  /** The seed of a named stream, e.g. `stream("contacts", day, layerIndex)`. */
  stream(name: string, ...path: number[]): number {
    let h = this.root;
    for (let i = 0; i < name.length; i++) h = mix32(h ^ name.charCodeAt(i) ^ (i << 16));
    for (const p of path) h = hash2(h, p);
    return h;
  }

  /** A seedrandom generator for sequential work (population building). */
  prng(name: string, ...path: number[]): () => number {
    return seedrandom(String(this.stream(name, ...path)));
  }
}
