import { describe, expect, it } from "vitest";
import {
  contactRadio,
  handsetOffsetDb,
  REFERENCE_ATTENUATION_DB,
  realisticScanRssi,
} from "../../src/core/radio/realistic.js";
import { RADIO_ENVIRONMENTS } from "../../src/core/radio/registry.js";
import { hash2 } from "../../src/core/rng.js";

const N = 40_000;

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}
function sd(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
}

describe("realistic BLE through the radio environments", () => {
  it("a contact's excess attenuation follows its layer's environment", () => {
    for (const [kind, env] of [
      ["household", RADIO_ENVIRONMENTS.home],
      ["transport", RADIO_ENVIRONMENTS.transit],
      ["community", RADIO_ENVIRONMENTS.shop],
    ] as const) {
      const xs = Array.from(
        { length: N },
        (_, i) => contactRadio(kind, 1.5, hash2(11, i)).excessDb,
      );
      const placement = env.placements.reduce((s, p) => s + p.share * p.lossDb, 0);
      const expected =
        env.oneMeterAttenuationDb +
        10 * env.pathLossExponent * Math.log10(1.5) +
        2 * placement -
        REFERENCE_ATTENUATION_DB;
      expect(Math.abs(mean(xs) - expected)).toBeLessThan(0.15);
    }
  });

  it("on a bus, distance hardly matters; at home it does", () => {
    const at = (kind: "household" | "transport", d: number) =>
      mean(Array.from({ length: N }, (_, i) => contactRadio(kind, d, hash2(12, i)).excessDb));
    expect(at("transport", 4) - at("transport", 0.5)).toBeLessThan(4);
    expect(at("household", 4) - at("household", 0.5)).toBeGreaterThan(17);
  });

  it("phone models add a fixed per-phone offset with the calibration table's spread", () => {
    const xs = Array.from({ length: N }, (_, i) => handsetOffsetDb(13, 2 * i, 2 * i + 1));
    expect(Math.abs(sd(xs) - Math.hypot(8.1, 5.4))).toBeLessThan(0.15);
    expect(handsetOffsetDb(13, 5, 9)).toBe(handsetOffsetDb(13, 5, 9));
    // The advertiser's tx is shared by everyone who hears it: offsets to two scanners correlate.
    const ys = Array.from({ length: N }, (_, i) => handsetOffsetDb(13, 2 * i, 7));
    const zs = Array.from({ length: N }, (_, i) => handsetOffsetDb(13, 2 * i, 8));
    const my = mean(ys);
    const mz = mean(zs);
    const cov = mean(ys.map((y, i) => (y - my) * (zs[i]! - mz)));
    expect(cov).toBeGreaterThan(0.6 * 8.1 ** 2);
  });

  it("a scan reads the 1 m anchor less the excess, plus the handsets, with the environment's fading", () => {
    const radio = { env: RADIO_ENVIRONMENTS.home, excessDb: 10 };
    const xs = Array.from({ length: N }, (_, i) => realisticScanRssi(-62, radio, 3, hash2(14, i)));
    expect(Math.abs(mean(xs) - (-62 - 10 + 3))).toBeLessThan(0.1);
    expect(Math.abs(sd(xs) - RADIO_ENVIRONMENTS.home.fadingSdDb)).toBeLessThan(0.1);
  });
});
