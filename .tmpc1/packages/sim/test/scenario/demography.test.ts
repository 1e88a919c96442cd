import { describe, expect, it } from "vitest";
import {
  adultShare,
  closeContactShare,
  layerMeanContacts,
  meanContactsPerDay,
  meanHouseholdContacts,
  meanHouseholdSize,
} from "../../src/scenario/index.js";
import { allScenarios } from "./helpers.js";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe.each([...allScenarios()].map(([id, s]) => [id, s] as const))("%s", (_id, s) => {
  it("age-band shares add up to 1 and adults are ≈ 72%", () => {
    expect(sum(s.ageBands.map((b) => b.share))).toBeCloseTo(1, 9);
    expect(adultShare(s)).toBeCloseTo(0.72, 9);
  });

  it("household shares add up to 1, mean size 3.5 ± 0.1 (2019 census)", () => {
    expect(sum(s.households.sizeShares.map((e) => e.share))).toBeCloseTo(1, 9);
    expect(meanHouseholdSize(s)).toBeGreaterThanOrEqual(3.4);
    expect(meanHouseholdSize(s)).toBeLessThanOrEqual(3.6);
    expect(s.households.meanSize).toBe(3.5);
  });

  it("platform shares add up to 1", () => {
    expect(s.platforms.android + s.platforms.ios).toBeCloseTo(1, 9);
  });

  it("10 to 13 contacts per agent per day in all", () => {
    const total = meanContactsPerDay(s);
    expect(total).toBeGreaterThanOrEqual(10);
    expect(total).toBeLessThanOrEqual(13);
    expect(sum(s.layers.map((l) => layerMeanContacts(s, l)))).toBeCloseTo(total, 9);
  });

  it("every layer has close contacts (≤ 2 m for ≥ 15 min), so F1 exist", () => {
    expect(s.closeContact).toMatchObject({ maxDistanceMeters: 2, minMinutes: 15 });
    for (const layer of s.layers)
      expect(closeContactShare(layer, s.closeContact)).toBeGreaterThan(0.05);
  });

  it("manual tracing recalls households best and strangers least", () => {
    const recall = Object.fromEntries(s.layers.map((l) => [l.kind, l.manualRecall]));
    expect(recall.household).toBeGreaterThan(recall.workplace!);
    expect(recall.workplace).toBeGreaterThan(recall.community!);
    expect(recall.community).toBeGreaterThan(recall.transport!);
  });

  it("uses Bluezone's duty cycle: scan 40 s / sleep 260 s, advertise 15 s on / 15 s off", () => {
    expect(s.ble.scan).toEqual({ onSeconds: 40, offSeconds: 260 });
    expect(s.ble.advertise).toEqual({ onSeconds: 15, offSeconds: 15 });
  });
});

describe("contact helpers", () => {
  const s = allScenarios().get("hung-yen-2020-08-18")!;

  it("household contacts are E[size²]/E[size] − 1", () => {
    // sizes 1..7 with shares .10 .18 .21 .27 .14 .06 .04: E = 3.51, E² = 14.65
    expect(meanHouseholdSize(s)).toBeCloseTo(3.51, 9);
    expect(meanHouseholdContacts(s)).toBeCloseTo(14.65 / 3.51 - 1, 9);
  });

  it("close share of a lognormal layer is P(d ≤ 2) × P(t ≥ 15)", () => {
    const transport = s.layers.find((l) => l.kind === "transport")!;
    // distance median 1 m, σ 0.5: Φ(ln 2 / 0.5) = Φ(1.386) = 0.9172; duration median 20, σ 0.7:
    // 1 − Φ(ln 0.75 / 0.7) = Φ(0.411) = 0.6595
    expect(closeContactShare(transport, s.closeContact)).toBeCloseTo(0.9172 * 0.6595, 3);
  });
});
