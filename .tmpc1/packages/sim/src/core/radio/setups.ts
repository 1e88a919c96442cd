import type { BenchSetup } from "./bench-setup.js";
import { BUS_DUBLIN } from "./bus-dublin.js";
import { TRAM_DUBLIN } from "./tram-dublin.js";

/** The measurement set-ups `tracebed radio` replays; a new one is one file plus one line. */
export const BENCH_SETUPS: Readonly<Record<string, BenchSetup>> = Object.freeze({
  "bus-dublin": BUS_DUBLIN,
  "tram-dublin": TRAM_DUBLIN,
});

export const BENCH_SETUP_NAMES = Object.keys(BENCH_SETUPS);
