import { describe, expect, it } from "vitest";
import {
  adoptionAsShareOfPopulation,
  adoptionOn,
  adultShare,
  denominatorShare,
  fromShareOfPopulation,
  parseScenario,
  reachableWithSmartphones,
  regionAdoptionShares,
  type Scenario,
  smartphoneShare,
  toShareOfPopulation,
} from "../../src/scenario/index.js";
import { rawScenario, scenario } from "./helpers.js";

/**
 * Hưng Yên reshaped to two age bands, easy to compute by hand: under-18s 25% of the people,
 * 40% of them with a smartphone; adults 75%, 80% with one. So adults = 0.75 of the
 * population and smartphone users = 0.25 × 0.4 + 0.75 × 0.8 = 0.7.
 */
function twoBands(): Scenario {
  const raw = rawScenario("hung-yen-2020-08-18");
  const band = (id: string, minAge: number, maxAge: number | null, share: number, own: number) => ({
    id,
    minAge,
    maxAge,
    share,
    smartphoneOwnership: own,
    source: "tracebed-age-split",
    smartphoneSource: "tracebed-smartphone-by-age",
  });
  raw.ageBands = [band("0-17", 0, 17, 0.25, 0.4), band("18-plus", 18, null, 0.75, 0.8)];
  for (const layer of raw.layers) {
    if (layer.contactsPerDay.byAgeBand)
      layer.contactsPerDay.byAgeBand = { "0-17": 1, "18-plus": 4 };
  }
  return parseScenario(raw, "hung-yen-2020-08-18.json");
}

describe("denominators (hand-computed)", () => {
  const s = twoBands();

  it("sizes the denominators as shares of the population", () => {
    expect(denominatorShare(s, "population")).toBe(1);
    expect(adultShare(s)).toBeCloseTo(0.75, 12);
    expect(smartphoneShare(s)).toBeCloseTo(0.7, 12);
  });

  it("converts to a share of the population", () => {
    expect(toShareOfPopulation(s, 0.1653, "population")).toBeCloseTo(0.1653, 12);
    expect(toShareOfPopulation(s, 0.6, "adults")).toBeCloseTo(0.45, 12);
    expect(toShareOfPopulation(s, 0.5, "smartphoneUsers")).toBeCloseTo(0.35, 12);
    expect(toShareOfPopulation(s, 1, "smartphoneUsers")).toBeCloseTo(0.7, 12);
  });

  it("converts back from a share of the population", () => {
    expect(fromShareOfPopulation(s, 0.45, "adults")).toBeCloseTo(0.6, 12);
    expect(fromShareOfPopulation(s, 0.35, "smartphoneUsers")).toBeCloseTo(0.5, 12);
    expect(fromShareOfPopulation(s, 0.6, "smartphoneUsers")).toBeCloseTo(0.6 / 0.7, 12);
    for (const of of ["population", "adults", "smartphoneUsers"] as const) {
      expect(fromShareOfPopulation(s, toShareOfPopulation(s, 0.37, of), of)).toBeCloseTo(0.37, 12);
    }
  });

  it("restates the scenario's adoption on any denominator", () => {
    expect(adoptionAsShareOfPopulation(s)).toBeCloseTo(0.1653, 12);
    expect(adoptionOn(s, "adults")).toBeCloseTo(0.1653 / 0.75, 12);
    expect(adoptionOn(s, "smartphoneUsers")).toBeCloseTo(0.1653 / 0.7, 12);
  });

  it("knows when only smartphone owners cannot reach a share", () => {
    expect(reachableWithSmartphones(s, 0.7)).toBe(true);
    expect(reachableWithSmartphones(s, 0.71)).toBe(false);
  });
});

describe("denominators of the scenario files", () => {
  it("Hưng Yên: 60% of adults is 0.432 of the population; smartphone users are ≈ 0.516", () => {
    const s = scenario("hung-yen-2020-08-18");
    // adults: 0.178 + 0.300 + 0.165 + 0.077; smartphones: Σ share × ownership
    expect(adultShare(s)).toBeCloseTo(0.72, 12);
    expect(smartphoneShare(s)).toBeCloseTo(
      0.115 * 0.05 + 0.085 * 0.5 + 0.178 * 0.88 + 0.3 * 0.75 + 0.165 * 0.45 + 0.077 * 0.15,
      12,
    );
    expect(toShareOfPopulation(s, 0.6, "adults")).toBeCloseTo(0.432, 12);
    expect(reachableWithSmartphones(s, 0.6)).toBe(false);
  });

  it("Đắk Nông: the counted 57,511 over the modelled 625,478 people; districts by their own counts", () => {
    const s = scenario("dak-nong-2020-08-13");
    expect(adoptionAsShareOfPopulation(s)).toBeCloseTo(57511 / 625478, 12);
    const gia = regionAdoptionShares(s).find((r) => r.region === "gia-nghia")!;
    expect(gia).toEqual({
      region: "gia-nghia",
      population: 63046,
      shareOfPopulation: 13404 / 63046,
      basis: "count",
    });
  });

  it("a province without district figures: every region gets the scenario's share", () => {
    const s = scenario("hung-yen-2020-08-18");
    for (const r of regionAdoptionShares(s)) {
      expect(r.basis).toBe("scenario");
      expect(r.shareOfPopulation).toBeCloseTo(0.1653, 12);
    }
  });
});
