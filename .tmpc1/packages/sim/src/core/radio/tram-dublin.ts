import type { BenchSetup } from "./bench-setup.js";
import { PIXEL_2 } from "./handsets.js";

/**
 * The Dublin light-rail tram (Leith & Farrell, PLoS ONE 15(9): e0239943, 2020): seven
 * handsets carried by people, every ordered pair at the distances of the published dataset
 * (72 pairs, 34 within 2 m; the paper reports 108 pairs over all its runs). Exposure: 15
 * minutes, the modal logged duration of the dataset's pairs.
 */
export const TRAM_DUBLIN: BenchSetup = {
  id: "tram-dublin",
  name: "Dublin light-rail tram",
  environment: "transit",
  handset: PIXEL_2,
  exposureMinutes: 15,
  scanMinutes: 5,
  closeDistanceMeters: 2,
  pairs: [
    { distanceMeters: 0.5, count: 6 },
    { distanceMeters: 1.6, count: 14 },
    { distanceMeters: 1.68, count: 4 },
    { distanceMeters: 1.8, count: 4 },
    { distanceMeters: 2.0, count: 6 },
    { distanceMeters: 2.1, count: 4 },
    { distanceMeters: 2.26, count: 8 },
    { distanceMeters: 2.5, count: 2 },
    { distanceMeters: 2.64, count: 2 },
    { distanceMeters: 2.8, count: 2 },
    { distanceMeters: 3.22, count: 4 },
    { distanceMeters: 3.3, count: 4 },
    { distanceMeters: 4.8, count: 4 },
    { distanceMeters: 4.9, count: 4 },
    { distanceMeters: 5.15, count: 4 },
  ],
  source: "leith-farrell-tram-2020",
  positions: "7 handsets, the 72 ordered pairs and distances of the published dataset (0.5–5.2 m)",
  published: [
    { rule: "swiss", minutes: 15, truePositiveRate: 0, falsePositiveRate: 0 },
    { rule: "german", minutes: 15, truePositiveRate: 0, falsePositiveRate: 0 },
    { rule: "italian", minutes: 15, truePositiveRate: 0.5, falsePositiveRate: 0.5 },
  ],
};
