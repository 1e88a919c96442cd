import type { BenchSetup } from "./bench-setup.js";
import { PIXEL_2 } from "./handsets.js";

/**
 * The Dublin commuter bus (Leith & Farrell, PLoS ONE 16(5): e0250826, 2021): 60 pairs of
 * handset locations, all within 2 m of each other for at least 15 minutes. Six handsets on
 * three rows of two seats (seat width 0.45 m, row pitch 0.8 m; the seat geometry is an
 * assumption) give 30 ordered pairs; two seatings of different people give 60.
 */
export const BUS_DUBLIN: BenchSetup = {
  id: "bus-dublin",
  name: "Dublin commuter bus",
  environment: "transit",
  handset: PIXEL_2,
  exposureMinutes: 15,
  scanMinutes: 5,
  closeDistanceMeters: 2,
  pairs: [
    { distanceMeters: 0.45, count: 12 }, // side by side
    { distanceMeters: 0.8, count: 16 }, // one row apart
    { distanceMeters: 0.92, count: 16 }, // one row apart, across
    { distanceMeters: 1.6, count: 8 }, // two rows apart
    { distanceMeters: 1.66, count: 8 }, // two rows apart, across
  ],
  source: "leith-farrell-bus-2021",
  positions:
    "6 handsets on 3 rows × 2 seats (0.45 m × 0.8 m, assumed), 2 seatings: 60 ordered pairs ≤ 2 m",
  published: [
    { rule: "swiss", minutes: 15, truePositiveRate: 0, falsePositiveRate: null },
    { rule: "threshold", minutes: 15, truePositiveRate: 0.05, falsePositiveRate: null },
    { rule: "threshold", minutes: 10, truePositiveRate: 0.08, falsePositiveRate: null },
  ],
};
