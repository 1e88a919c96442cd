import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  closeMarginDb,
  estimateDistance,
  isClose,
  RSSI_EPSILON_DB,
  rssiAtDistance,
} from "../../src/decide/distance.js";
import { DEFAULT_DECISION_PARAMS as P } from "../../src/decide/params.js";

describe("log-distance path loss", () => {
  it("puts 1 m at txPower − 41 dB and loses 20 dB per decade of distance (n = 2)", () => {
    expect(rssiAtDistance(1, -8)).toBeCloseTo(-49, 12);
    expect(rssiAtDistance(10, -8)).toBeCloseTo(-69, 12);
    expect(rssiAtDistance(2, 0)).toBeCloseTo(-41 - 20 * Math.log10(2), 12);
    expect(estimateDistance(-49, -8)).toBeCloseTo(1, 12);
  });

  it("estimateDistance inverts rssiAtDistance", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 100, noNaN: true }),
        fc.integer({ min: -30, max: 10 }),
        fc.double({ min: 1.5, max: 4, noNaN: true }),
        (d, tx, exponent) => {
          const pathLoss = { oneMeterLossDb: -45, exponent };
          const back = estimateDistance(rssiAtDistance(d, tx, pathLoss), tx, pathLoss);
          expect(back / d).toBeCloseTo(1, 9);
        },
      ),
    );
  });
});

describe("the close test (≤ 2 m, compared in the RSSI domain)", () => {
  it("classifies round-tripped distances at, just under and just over 2 m", () => {
    for (const tx of [-127, -21, -8, 0, 7.5, 20]) {
      expect(isClose(rssiAtDistance(2, tx), tx, P)).toBe(true);
      expect(isClose(rssiAtDistance(1.999, tx), tx, P)).toBe(true);
      expect(isClose(rssiAtDistance(2 - 1e-9, tx), tx, P)).toBe(true);
      expect(isClose(rssiAtDistance(2.001, tx), tx, P)).toBe(false);
      expect(isClose(rssiAtDistance(2 + 1e-6, tx), tx, P)).toBe(false);
    }
  });

  it("agrees with d ≤ 2 for every distance not within 1e-9 above the threshold", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        fc.double({ min: -40, max: 20, noNaN: true }),
        (d, tx) => {
          fc.pre(!(d > 2 && d < 2 * (1 + 1e-9)));
          expect(isClose(rssiAtDistance(d, tx), tx, P)).toBe(d <= 2);
        },
      ),
      {
        examples: [
          [2, -8],
          [1.9999999, -8],
          [2.0000001, -8],
        ],
      },
    );
  });

  it("uses a margin of oneMeterLoss − 10·n·log10(threshold) − ε", () => {
    expect(closeMarginDb(P)).toBeCloseTo(-41 - 20 * Math.log10(2) - RSSI_EPSILON_DB, 12);
  });

  it("moves with calibration", () => {
    const rssi = rssiAtDistance(1.5, -8); // 1.5 m under the defaults
    expect(isClose(rssi, -8, P)).toBe(true);
    const lossier = { ...P, pathLoss: { oneMeterLossDb: -50, exponent: 2 } };
    expect(estimateDistance(rssi, -8, lossier.pathLoss)).toBeCloseTo(1.5 / 10 ** (9 / 20), 9);
    expect(isClose(rssi, -8, lossier)).toBe(true);
    const flatter = { ...P, pathLoss: { oneMeterLossDb: -35, exponent: 2 } };
    expect(isClose(rssi, -8, flatter)).toBe(false);
  });
});
