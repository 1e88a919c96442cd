import type { SimConfig } from "../../src/core/index.js";

/** A small, plausible model for statistical tests (not a scenario: tests vary it freely). */
export function testConfig(overrides: Partial<SimConfig> = {}): SimConfig {
  return {
    seed: 1,
    days: 14,
    startUnixDay: 18_480, // 2020-08-07
    utcOffsetHours: 7,
    regions: [
      { id: "a", name: "A", agents: 12_000 },
      { id: "b", name: "B", agents: 8_000 },
    ],
    ageBands: [
      { id: "0-4", from: 0, to: 4, share: 0.08, smartphone: 0 },
      { id: "5-17", from: 5, to: 17, share: 0.17, smartphone: 0.4 },
      { id: "18-29", from: 18, to: 29, share: 0.18, smartphone: 0.9 },
      { id: "30-49", from: 30, to: 49, share: 0.3, smartphone: 0.8 },
      { id: "50-64", from: 50, to: 64, share: 0.17, smartphone: 0.55 },
      { id: "65+", from: 65, to: Number.POSITIVE_INFINITY, share: 0.1, smartphone: 0.25 },
    ],
    householdSizes: [0.1, 0.18, 0.22, 0.26, 0.13, 0.07, 0.04],
    iosShare: 0.25,
    groups: [
      { id: "officials", share: 0.05, of: "adults", adoption: 1 },
      { id: "quarantined", share: 0.01, of: "population", adoption: 1 },
    ],
    adoption: { mode: "uniform", share: 0.6 },
    layers: [
      {
        id: "household",
        kind: "household",
        contactsPerDay: 0,
        durationMinutes: { family: "lognormal", median: 120, sigma: 0.6, min: 5, max: 600 },
        distanceMeters: { family: "lognormal", median: 1.2, sigma: 0.5, min: 0.3, max: 6 },
        hours: [17, 22],
        manualRecall: 0.95,
      },
      {
        id: "workplace",
        kind: "workplace",
        contactsPerDay: 4,
        cluster: { meanSize: 15, ageFrom: 18, ageTo: 64, participation: 0.7 },
        durationMinutes: { family: "lognormal", median: 30, sigma: 0.8, min: 5, max: 480 },
        distanceMeters: { family: "lognormal", median: 1.8, sigma: 0.5, min: 0.3, max: 10 },
        hours: [8, 17],
        manualRecall: 0.7,
      },
      {
        id: "school",
        kind: "school",
        contactsPerDay: 6,
        cluster: { meanSize: 35, ageFrom: 5, ageTo: 17, participation: 0.95 },
        durationMinutes: { family: "lognormal", median: 40, sigma: 0.7, min: 5, max: 300 },
        distanceMeters: { family: "lognormal", median: 1.5, sigma: 0.5, min: 0.3, max: 8 },
        hours: [7, 16],
        manualRecall: 0.6,
      },
      {
        id: "community",
        kind: "community",
        contactsPerDay: 4,
        durationMinutes: { family: "lognormal", median: 10, sigma: 0.9, min: 5, max: 180 },
        distanceMeters: { family: "lognormal", median: 2.5, sigma: 0.6, min: 0.3, max: 15 },
        hours: [6, 21],
        manualRecall: 0.1,
      },
    ],
    close: { maxDistanceMeters: 2, minMinutes: 15 },
    ble: {
      mode: "ideal",
      scanPeriodSeconds: 300,
      scanWindowSeconds: 40,
      txPower: -12,
      oneMeterLossDb: -41,
      pathLossExponent: 2,
      noiseSdDb: 4,
      pairOffsetSdDb: 3,
      sensitivityDbm: -100,
      detect: { androidAndroid: 0.95, androidIos: 0.85, iosAndroid: 0.85, iosIos: 0.3 },
    },
    f0: { count: 17, from: "all" },
    ...overrides,
  };
}
