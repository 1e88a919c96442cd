import { describe, expect, it } from "vitest";
import { parseScenario, ScenarioError } from "../../src/scenario/index.js";
import { type Json, problemOf, rawScenario } from "./helpers.js";

const HY = "hung-yen-2020-08-18.json";
const DN = "dak-nong-2020-08-13.json";

/** [what, file, mutation, exact one-line message]. */
const CASES: [string, string, (s: Json) => void, string][] = [
  [
    "negative population",
    HY,
    (s) => {
      s.regions[3].population = -5;
    },
    `${HY}: regions[3].population: must be a positive integer`,
  ],
  [
    "fractional population",
    HY,
    (s) => {
      s.regions[3].population = 1.5;
    },
    `${HY}: regions[3].population: must be a positive integer`,
  ],
  [
    "missing field",
    HY,
    (s) => {
      delete s.target.of;
    },
    `${HY}: target.of: is required`,
  ],
  [
    "wrong type",
    HY,
    (s) => {
      s.days = "14";
    },
    `${HY}: days: must be a positive integer`,
  ],
  [
    "age shares not adding up to 1",
    HY,
    (s) => {
      s.ageBands[0].share = 0.03;
    },
    `${HY}: ageBands: age-band shares must add up to 1 (they add up to 0.95)`,
  ],
  [
    "household shares not adding up to 1",
    HY,
    (s) => {
      s.households.sizeShares[6].share = 0.05;
    },
    `${HY}: households.sizeShares: household-size shares must add up to 1 (they add up to 1.01)`,
  ],
  [
    "platform shares not adding up to 1",
    HY,
    (s) => {
      s.platforms.ios = 0.4;
    },
    `${HY}: platforms: android and ios shares must add up to 1 (they add up to 1.06)`,
  ],
  [
    "unknown region in adoption",
    HY,
    (s) => {
      s.adoption.byRegion = [{ region: "ha-noi", count: 5, source: "letter-2136" }];
    },
    `${HY}: adoption.byRegion[0].region: unknown region "ha-noi"`,
  ],
  [
    "wrong denominator name",
    HY,
    (s) => {
      s.target.of = "adult";
    },
    `${HY}: target.of: must be one of "population", "adults", "smartphoneUsers"`,
  ],
  [
    "a percentage where a share belongs",
    HY,
    (s) => {
      s.adoption.share = 16.53;
    },
    `${HY}: adoption.share: must be a share between 0 and 1`,
  ],
  [
    "a share without its denominator",
    HY,
    (s) => {
      delete s.adoption.of;
    },
    `${HY}: adoption.of: is required when share is given (its denominator)`,
  ],
  [
    "duplicate region id",
    HY,
    (s) => {
      s.regions[1].id = "hung-yen-city";
    },
    `${HY}: regions[1].id: duplicate region id "hung-yen-city"`,
  ],
  [
    "misspelt field",
    HY,
    (s) => {
      s.regions[0].populaton = 5;
    },
    `${HY}: regions[0]: has unknown field "populaton"`,
  ],
  [
    "unknown source",
    HY,
    (s) => {
      s.regions[2].populationSource = "gso-2020";
    },
    `${HY}: regions[2].populationSource: unknown source "gso-2020" (not in sources[])`,
  ],
  [
    "age band missing from a layer",
    HY,
    (s) => {
      delete s.layers[1].contactsPerDay.byAgeBand["65-plus"];
    },
    `${HY}: layers[1].contactsPerDay.byAgeBand: missing age band "65-plus"`,
  ],
  [
    "gap between age bands",
    HY,
    (s) => {
      s.ageBands[3].minAge = 19;
    },
    `${HY}: ageBands[3].minAge: must be 18 (the previous band's maxAge + 1)`,
  ],
  [
    "unknown distribution family",
    HY,
    (s) => {
      s.layers[0].durationMinutes.family = "normal";
    },
    `${HY}: layers[0].durationMinutes.family: must be one of "lognormal", "uniform", "fixed"`,
  ],
  [
    "impossible date",
    HY,
    (s) => {
      s.startDate = "2020-02-30";
    },
    `${HY}: startDate: must be a date written YYYY-MM-DD`,
  ],
  [
    "unknown F0 rule",
    HY,
    (s) => {
      s.f0.from = "app-users";
    },
    `${HY}: f0.from: must be "all" or "appUsers"`,
  ],
  [
    "id not matching the file",
    HY,
    (s) => {
      s.id = "hung-yen";
    },
    `${HY}: id: must be "hung-yen-2020-08-18" to match the file name`,
  ],
  [
    "target for an unknown group",
    HY,
    (s) => {
      s.target.group = "teachers";
    },
    `${HY}: target.group: unknown group "teachers"`,
  ],
  [
    "district counts silently disagreeing with the total",
    DN,
    (s) => {
      delete s.adoption.countDiscrepancy;
    },
    `${DN}: adoption.byRegion: counts add up to 57516, not the stated 57511: keep both and record adoption.countDiscrepancy`,
  ],
  [
    "a wrong recorded discrepancy",
    DN,
    (s) => {
      s.adoption.countDiscrepancy.byRegionSum = 57511;
    },
    `${DN}: adoption.countDiscrepancy.byRegionSum: must be 57516 (the sum of the adoption.byRegion counts)`,
  ],
  [
    "more users than people in a district",
    DN,
    (s) => {
      s.adoption.byRegion[0].count = 70000;
      s.adoption.countDiscrepancy.byRegionSum = 114112;
    },
    `${DN}: adoption.byRegion[0].count: must not exceed the region's population (63046)`,
  ],
];

describe("malformed scenarios fail with one exact line", () => {
  it.each(CASES)("%s", (_what, file, mutate, message) => {
    const raw = rawScenario(file.replace(/\.json$/, ""));
    mutate(raw);
    expect(problemOf(raw, file)).toBe(message);
  });

  it("something that is not an object", () => {
    expect(problemOf(42, "x.json")).toBe("x.json: (root): must be an object (got a number)");
  });

  it("throws ScenarioError listing every problem, one line each", () => {
    const raw = rawScenario("hung-yen-2020-08-18");
    raw.days = 0;
    raw.platforms.android = "most";
    let error: unknown;
    try {
      parseScenario(raw, HY);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const problems = (error as ScenarioError).problems;
    expect(problems).toEqual([
      `${HY}: platforms.android: must be a share between 0 and 1`,
      `${HY}: days: must be a positive integer`,
    ]);
    for (const p of problems) expect(p).not.toContain("\n");
  });
});
