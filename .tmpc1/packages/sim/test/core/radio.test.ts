import { EXPOSURE_RULE_NAMES } from "@tracebed/protocol";
import { describe, expect, it } from "vitest";
import { LAYER_KIND_SPECS } from "../../src/core/layers/index.js";
import {
  contactOffsetDb,
  meanAttenuationDb,
  scanAttenuationDb,
} from "../../src/core/radio/attenuation.js";
import { runRadioBench } from "../../src/core/radio/bench.js";
import { toleranceOf } from "../../src/core/radio/bench-setup.js";
import { PIXEL_2, rawRssiDbm } from "../../src/core/radio/handsets.js";
import { RADIO_ENVIRONMENTS } from "../../src/core/radio/registry.js";
import { BENCH_SETUPS } from "../../src/core/radio/setups.js";
import { hash2 } from "../../src/core/rng.js";

const SEED = 20200615;

describe("radio environments", () => {
  it("every contact layer kind happens in a registered environment", () => {
    for (const kind of LAYER_KIND_SPECS) expect(RADIO_ENVIRONMENTS[kind.radio]).toBeDefined();
  });

  it("placement shares sum to 1 and every environment cites a source", () => {
    for (const env of Object.values(RADIO_ENVIRONMENTS)) {
      const total = env.placements.reduce((s, p) => s + p.share, 0);
      expect(total).toBeCloseTo(1, 12);
      expect(env.sources.length).toBeGreaterThan(0);
    }
  });

  it("scan attenuations have the analytic mean, spread and detection share", () => {
    for (const env of Object.values(RADIO_ENVIRONMENTS)) {
      const n = 40_000;
      const level = meanAttenuationDb(env, 1.5);
      let sum = 0;
      let sum2 = 0;
      let logged = 0;
      for (let i = 0; i < n; i++) {
        const contact = hash2(SEED, i);
        const a = scanAttenuationDb(env, level + contactOffsetDb(env, contact), hash2(contact, 16));
        if (Number.isNaN(a)) continue;
        logged++;
        sum += a;
        sum2 += a * a;
      }
      const placementMean = env.placements.reduce((s, p) => s + p.share * p.lossDb, 0);
      const placementVar = env.placements.reduce(
        (s, p) => s + p.share * (p.lossDb - placementMean) ** 2,
        0,
      );
      const mean = sum / logged;
      const sd = Math.sqrt(sum2 / logged - mean * mean);
      const expectedSd = Math.sqrt(env.pairSdDb ** 2 + env.fadingSdDb ** 2 + 2 * placementVar);
      expect(mean).toBeCloseTo(level + 2 * placementMean, 0);
      expect(Math.abs(sd - expectedSd)).toBeLessThan(0.1);
      expect(Math.abs(logged / n - env.scanDetectProbability)).toBeLessThan(0.01);
    }
  });

  it("attenuation grows with distance by 10·n dB per decade", () => {
    const env = RADIO_ENVIRONMENTS.home;
    expect(meanAttenuationDb(env, 10) - meanAttenuationDb(env, 1)).toBeCloseTo(20, 12);
    expect(meanAttenuationDb(RADIO_ENVIRONMENTS.transit, 1)).toBe(63.9);
  });

  it("raw RSSI follows the calibration table: tx − attenuation − RSSI correction", () => {
    expect(rawRssiDbm(65, PIXEL_2, PIXEL_2)).toBe(-31 - 65 + 6);
  });
});

describe("the radio bench reproduces Leith & Farrell's bus and tram figures", () => {
  for (const setup of Object.values(BENCH_SETUPS)) {
    for (const figure of setup.published) {
      it(`${setup.id}, ${figure.rule} rule at ${figure.minutes} min`, () => {
        const r = runRadioBench(setup, {
          rule: figure.rule,
          minutes: figure.minutes,
          seed: SEED,
          replicates: 400,
        });
        const tol = toleranceOf(Math.max(figure.truePositiveRate, figure.falsePositiveRate ?? 0));
        expect(Math.abs(r.truePositiveRate - figure.truePositiveRate)).toBeLessThanOrEqual(tol);
        if (figure.falsePositiveRate === null) expect(r.falsePositiveRate).toBeNull();
        else
          expect(Math.abs(r.falsePositiveRate! - figure.falsePositiveRate)).toBeLessThanOrEqual(
            tol,
          );
        expect(r.comparison?.withinTolerance).toBe(true);
      });
    }
  }

  it("on the tram the Italian rule is no better than picking pairs at random", () => {
    const r = runRadioBench(BENCH_SETUPS["tram-dublin"]!, {
      rule: "italian",
      seed: SEED,
      replicates: 400,
    });
    expect(Math.abs(r.truePositiveRate - r.falsePositiveRate!)).toBeLessThan(0.1);
  });

  it("on the bus the threshold rule finds more at 10 minutes than at 15", () => {
    const bus = BENCH_SETUPS["bus-dublin"]!;
    const at15 = runRadioBench(bus, {
      rule: "threshold",
      minutes: 15,
      seed: SEED,
      replicates: 400,
    });
    const at10 = runRadioBench(bus, {
      rule: "threshold",
      minutes: 10,
      seed: SEED,
      replicates: 400,
    });
    expect(at10.truePositiveRate).toBeGreaterThan(at15.truePositiveRate);
  });
});

describe("the radio bench's report", () => {
  it("counts the set-up's pairs and bands; the bus has no far pairs", () => {
    const r = runRadioBench(BENCH_SETUPS["bus-dublin"]!, { rule: "swiss", seed: 1, replicates: 3 });
    expect(r.pairs).toBe(60);
    expect(r.closePairs).toBe(60);
    expect(r.falsePositiveRate).toBeNull();
    expect(r.byDistance.map((b) => b.band)).toEqual(["≤1 m", "1–2 m", "2–3 m", ">3 m"]);
    expect(r.byDistance.map((b) => b.pairs)).toEqual([44, 16, 0, 0]);
    expect(r.byDistance[2]!.notifiedRate).toBeNull();
    const tram = runRadioBench(BENCH_SETUPS["tram-dublin"]!, {
      rule: "swiss",
      seed: 1,
      replicates: 3,
    });
    expect([tram.pairs, tram.closePairs, tram.farPairs]).toEqual([72, 34, 38]);
  });

  it("is a pure function of its inputs and seed", () => {
    const setup = BENCH_SETUPS["tram-dublin"]!;
    for (const rule of EXPOSURE_RULE_NAMES) {
      const a = runRadioBench(setup, { rule, seed: 7, replicates: 20 });
      expect(runRadioBench(setup, { rule, seed: 7, replicates: 20 })).toEqual(a);
    }
    const x = runRadioBench(setup, { rule: "italian", seed: 7, replicates: 20 });
    const y = runRadioBench(setup, { rule: "italian", seed: 8, replicates: 20 });
    expect(x.truePositiveRate).not.toBe(y.truePositiveRate);
  });
});
