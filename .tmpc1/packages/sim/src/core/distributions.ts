import type { Distribution } from "./config.js";
import { normal, unit } from "./rng.js";

/** A draw from `d` using two 32-bit hashes. */
export function draw(d: Distribution, h1: number, h2: number): number {
  switch (d.family) {
    case "fixed":
      return d.value;
    case "uniform":
      return d.min + unit(h1) * (d.max - d.min);
    case "lognormal": {
      const x = d.median * Math.exp(d.sigma * normal(h1, h2));
      return Math.min(d.max ?? Number.POSITIVE_INFINITY, Math.max(d.min ?? 0, x));
    }
  }
}

/** The mean of `d` (lognormal without its clamps). */
export function mean(d: Distribution): number {
  switch (d.family) {
    case "fixed":
      return d.value;
    case "uniform":
      return (d.min + d.max) / 2;
    case "lognormal":
      return d.median * Math.exp((d.sigma * d.sigma) / 2);
  }
}
