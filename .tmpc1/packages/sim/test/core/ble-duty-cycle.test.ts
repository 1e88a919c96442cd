import { describe, expect, it } from "vitest";
import {
  firstAdvertisingSecond,
  iosInBackground,
  type ScanSides,
  scanSecond,
} from "../../src/core/ble/duty-cycle.js";
import {
  appUserFlags,
  type BleConfig,
  buildPopulation,
  createEngine,
  forEachSightingOfDay,
  SeedTree,
} from "../../src/core/index.js";
import { FLAG_IOS } from "../../src/core/population/population.js";
import { below, hash2, hash3 } from "../../src/core/rng.js";
import { testConfig } from "./fixture.js";

const BLE: BleConfig = testConfig().ble;

/** The first second in [from, to) on air, by walking every second. */
function walk(from: number, to: number, phase: number, on: number, period: number): number {
  for (let t = from; t < to; t++) if ((((t - phase) % period) + period) % period < on) return t;
  return -1;
}

describe("Bluezone's duty cycles", () => {
  it("the first second on air matches a second-by-second walk", () => {
    for (let i = 0; i < 5_000; i++) {
      const h = hash2(21, i);
      const from = below(hash2(h, 1), 10_000);
      const to = from + below(hash2(h, 2), 60);
      const period = 2 + below(hash2(h, 3), 40);
      const on = 1 + below(hash2(h, 4), period - 1);
      const phase = below(hash2(h, 5), period);
      expect(firstAdvertisingSecond(from, to, phase, on, period)).toBe(
        walk(from, to, phase, on, period),
      );
    }
  });

  it("an Android scan logs an Android advertiser iff its window overlaps the advertiser's time on air", () => {
    // Whole seconds: a 10 s window meets 15 s on of 30 for (10 + 15 − 1) of the 30 phases.
    const ble = { ...BLE, scanWindowSeconds: 10 };
    let seen = 0;
    const n = 30_000;
    for (let i = 0; i < n; i++) {
      const sides: ScanSides = {
        scannerIos: false,
        scanOffset: below(hash3(22, i, 1), ble.scanPeriodSeconds - ble.scanWindowSeconds),
        advertiserIos: false,
        advertisePhase: below(hash3(22, i, 2), ble.advertisePeriodSeconds),
      };
      const t0 = 300 * i;
      const t = scanSecond(ble, i, sides, t0, t0 + 300);
      if (t >= 0) {
        seen++;
        // Inside the window, on air.
        expect(t).toBeGreaterThanOrEqual(t0 + sides.scanOffset);
        expect(t).toBeLessThan(t0 + sides.scanOffset + 10);
        expect((((t - sides.advertisePhase) % 30) + 30) % 30).toBeLessThan(15);
      }
    }
    expect(Math.abs(seen / n - 24 / 30)).toBeLessThan(0.01);
    // Bluezone's own 40 s window always spans a 15 s on-air slot of a 30 s cycle.
    for (let i = 0; i < 1_000; i++) {
      const sides: ScanSides = {
        scannerIos: false,
        scanOffset: below(hash3(23, i, 1), 260),
        advertiserIos: false,
        advertisePhase: below(hash3(23, i, 2), 30),
      };
      expect(scanSecond(BLE, 0, sides, 0, 300)).toBeGreaterThanOrEqual(0);
    }
  });

  it("a scan's second matches a second-by-second walk, for cycles that do not divide the period", () => {
    for (let i = 0; i < 3_000; i++) {
      const h = hash2(25, i);
      const ble = {
        ...BLE,
        scanWindowSeconds: 1 + below(hash2(h, 1), 60),
        advertisePeriodSeconds: 2 + below(hash2(h, 2), 50),
      };
      ble.advertiseOnSeconds = 1 + below(hash2(h, 3), ble.advertisePeriodSeconds - 1);
      const sides: ScanSides = {
        scannerIos: (h & 1) === 1,
        scanOffset: below(hash2(h, 4), ble.scanPeriodSeconds - ble.scanWindowSeconds),
        advertiserIos: (h & 2) === 2,
        advertisePhase: below(hash2(h, 5), ble.advertisePeriodSeconds),
      };
      // Periods of today's epoch seconds (≈ 5.3 million periods of 300 s).
      const period = 5_300_000 + below(hash2(h, 6), 100_000);
      const t0 = period * ble.scanPeriodSeconds;
      const start = t0 - 200 + below(hash2(h, 7), 600);
      const end = start + 1 + below(hash2(h, 8), 400);
      let expected = -1;
      for (let t = Math.max(start, t0); t < Math.min(end, t0 + ble.scanPeriodSeconds); t++) {
        const r = t - t0;
        const scanning =
          sides.scannerIos ||
          (r >= sides.scanOffset && r < sides.scanOffset + ble.scanWindowSeconds);
        const onAir =
          sides.advertiserIos ||
          (t - sides.advertisePhase) % ble.advertisePeriodSeconds < ble.advertiseOnSeconds;
        if (scanning && onAir) {
          expected = t;
          break;
        }
      }
      expect(scanSecond(ble, period, sides, start, end)).toBe(expected);
    }
  });

  it("a scan logs nothing outside the meeting; an iPhone scans the whole period", () => {
    const android: ScanSides = {
      scannerIos: false,
      scanOffset: 100,
      advertiserIos: true,
      advertisePhase: 0,
    };
    // Meeting before the window opens, and one ending as it opens.
    expect(scanSecond(BLE, 0, android, 0, 100)).toBe(-1);
    expect(scanSecond(BLE, 0, android, 140, 300)).toBe(-1);
    expect(scanSecond(BLE, 0, android, 120, 300)).toBe(120);
    const iphone = { ...android, scannerIos: true };
    expect(scanSecond(BLE, 0, iphone, 250, 260)).toBe(250);
    expect(scanSecond(BLE, 0, iphone, 0, 100)).toBe(0);
  });

  it("an iPhone's app is in the background for its share of periods, independently per phone", () => {
    const n = 40_000;
    let one = 0;
    let both = 0;
    for (let p = 0; p < n; p++) {
      const a = iosInBackground(BLE, 24, 7, p);
      const b = iosInBackground(BLE, 24, 8, p);
      if (a) one++;
      if (a && b) both++;
    }
    expect(Math.abs(one / n - BLE.iosBackgroundShare)).toBeLessThan(0.01);
    expect(Math.abs(both / n - BLE.iosBackgroundShare ** 2)).toBeLessThan(0.01);
  });
});

/** Sightings of one day in a realistic run, by (scanner, advertiser) platform pair. */
function sightingsByPlatforms(iosShare: number, iosBackgroundShare: number): number[] {
  const base = testConfig({ iosShare, adoption: { mode: "uniform", share: 0.8 } });
  const config = { ...base, ble: { ...base.ble, mode: "realistic" as const, iosBackgroundShare } };
  const seeds = new SeedTree(5);
  const { population } = buildPopulation(config, seeds);
  const engine = createEngine(config, population, seeds);
  const ios = (x: number) => ((population.flags[x]! & FLAG_IOS) !== 0 ? 1 : 0);
  const counts = [0, 0, 0, 0];
  forEachSightingOfDay(engine, 3, appUserFlags(engine), (scanner, advertiser) => {
    counts[2 * ios(scanner) + ios(advertiser)]!++;
  });
  return counts;
}

describe("iOS background in realistic BLE", { timeout: 120_000 }, () => {
  it("two iPhones whose apps are always in the background see nothing of each other", () => {
    const asleep = sightingsByPlatforms(0.5, 1);
    const awake = sightingsByPlatforms(0.5, 0);
    expect(asleep[3]).toBe(0);
    expect(awake[3]).toBeGreaterThan(100);
    // Android phones on either side still see backgrounded iPhones and are seen by them.
    expect(asleep[1]).toBe(awake[1]);
    expect(asleep[2]).toBe(awake[2]);
    expect(asleep[0]).toBe(awake[0]);
  });
});
