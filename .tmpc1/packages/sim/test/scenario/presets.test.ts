import { describe, expect, it } from "vitest";
import { adoptionPresets } from "../../src/scenario/index.js";
import { allScenarios, scenario } from "./helpers.js";

describe("viewer presets from the seed letters (docs/SOURCES.md)", () => {
  const presets = adoptionPresets([...allScenarios().values()]);
  const national =
    0.115 * 0.05 + 0.085 * 0.5 + 0.178 * 0.88 + 0.3 * 0.75 + 0.165 * 0.45 + 0.077 * 0.15;

  it("are the six figures, smallest first, each as a share of the population", () => {
    expect(presets.map((p) => [p.scenario, p.kind])).toEqual([
      ["lai-chau-2020-08-15", "observed"],
      ["dak-nong-2020-08-13", "observed"],
      ["hung-yen-2020-08-18", "observed"],
      ["can-giuoc-2020-08-14", "target"],
      ["dak-nong-2020-08-13", "target"],
      ["hung-yen-2020-08-18", "target"],
    ]);
    const shares = presets.map((p) => p.shareOfPopulation);
    expect(shares[0]).toBeCloseTo(0.074, 12);
    expect(shares[1]).toBeCloseTo(57511 / 625478, 12);
    expect(shares[2]).toBeCloseTo(0.1653, 12);
    expect(shares[3]).toBeCloseTo(0.5 * national, 12);
    expect(shares[4]).toBeCloseTo(0.6 * 0.72, 12);
    expect(shares[5]).toBeCloseTo(0.6, 12);
  });

  it("keep each figure's own denominator and letter", () => {
    expect(presets.map((p) => [p.stated.share, p.stated.of, p.letter])).toEqual([
      [0.074, "population", "1661/UBND-VX"],
      [0.0882, "unstated", "4161/UBND-KGVX"],
      [0.1653, "population", "2136/UBND-KGVX"],
      [0.5, "smartphoneUsers", "4195/UBND-VHXXH"],
      [0.6, "adults", "4161/UBND-KGVX"],
      [0.6, "population", "2136/UBND-KGVX"],
    ]);
    expect(presets[1]!.stated.count).toBe(57511);
  });

  it("are labelled in Vietnamese and English", () => {
    expect(presets[2]!.label.vi).toBe(
      "Hưng Yên, 18/8/2020: 207.062 người dùng = 16,53% dân số → 16,53% dân số (CV 2136/UBND-KGVX)",
    );
    expect(presets[2]!.label.en).toBe(
      "Hưng Yên province, 18 Aug 2020: 207,062 users = 16.53% of the population → 16.53% of the population (letter 2136/UBND-KGVX)",
    );
    expect(presets[0]!.label.vi).toBe(
      "Lai Châu, 15/8/2020: > 33.000 người dùng = ≈ 7,4% dân số → 7,4% dân số (CV 1661/UBND-VX)",
    );
    expect(presets[1]!.label.en).toBe(
      "Đắk Nông province, 13 Aug 2020: 57,511 users = 8.82% (denominator unstated) → 9.19% of the population (letter 4161/UBND-KGVX)",
    );
    expect(presets[4]!.label.en).toBe(
      "Target set by the Ministry of Information and Communications: ≈ 60% of adults, by 20 Aug 2020 → 43.2% of the population (letter 4161/UBND-KGVX)",
    );
    expect(presets[3]!.label.vi).toBe(
      "Mục tiêu của UBND huyện Cần Giuộc: ≥ 50% người dùng điện thoại thông minh, đến 20/8/2020 → 25,78% dân số (CV 4195/UBND-VHXXH)",
    );
  });

  it("flag the Government's 60% as beyond the smartphone owners (≈ 52%)", () => {
    expect(presets[5]!.reachableWithSmartphones).toBe(false);
    expect(presets[4]!.reachableWithSmartphones).toBe(true);
  });

  it("can be restated on the demography of the scenario on screen", () => {
    const laiChau = scenario("lai-chau-2020-08-15");
    const onLaiChau = adoptionPresets([...allScenarios().values()], laiChau);
    const canGiuoc = onLaiChau.find((p) => p.scenario === "can-giuoc-2020-08-14")!;
    const mountain =
      0.115 * 0.04 + 0.085 * 0.4 + 0.178 * 0.7 + 0.3 * 0.6 + 0.165 * 0.36 + 0.077 * 0.12;
    expect(canGiuoc.shareOfPopulation).toBeCloseTo(0.5 * mountain, 12);
  });
});
