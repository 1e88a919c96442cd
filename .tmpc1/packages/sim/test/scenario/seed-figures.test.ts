import { describe, expect, it } from "vitest";
import { totalPopulation } from "../../src/scenario/index.js";
import { scenario } from "./helpers.js";

/** Every figure of the letters in docs/SOURCES.md, exactly, in the file of its letter. */
describe("the seed letters' figures", () => {
  it("Hưng Yên, 2136/UBND-KGVX, 18 Aug 2020: 207,062 users = 16.53% of the population; ≥ 60% target", () => {
    const s = scenario("hung-yen-2020-08-18");
    expect(s.source).toMatchObject({
      number: "2136/UBND-KGVX",
      date: "2020-08-18",
      seedFile: "001_1564d4421d48e46a.txt",
    });
    expect(s.adoption).toMatchObject({
      basis: "letter",
      asOf: "2020-08-18",
      count: 207062,
      share: 0.1653,
      of: "population",
    });
    expect(s.target).toMatchObject({ share: 0.6, of: "population", qualifier: "atLeast" });
    expect(s.groups.find((g) => g.id === "quarantined-or-tested")).toMatchObject({
      basis: "letter",
      adoption: { share: 1, of: "smartphoneUsers" },
    });
    // The letter's implied denominator is the 2019 census count (1,252,731) to within 0.01%.
    expect(Math.round(207062 / 0.1653)).toBe(1252644);
    expect(s.regions).toHaveLength(10);
    expect(totalPopulation(s)).toBe(1255839);
  });

  it("Đắk Nông, 4161/UBND-KGVX, 13 Aug 2020: 57,511 = 8.82% (denominator unstated), 40th of 63, eight districts", () => {
    const s = scenario("dak-nong-2020-08-13");
    expect(s.source).toMatchObject({
      number: "4161/UBND-KGVX",
      date: "2020-08-13",
      seedFile: "002_df5f5af3dafccc8a.txt",
    });
    expect(s.source.related?.[0]).toMatchObject({
      number: "2350/UBND-VP",
      date: "2020-08-14",
      relation: "forwardedBy",
    });
    expect(s.adoption.count).toBe(57511);
    expect(s.adoption.share).toBeUndefined();
    expect(s.adoption.statedShare).toEqual({ share: 0.0882, of: "unstated" });
    expect(s.adoption.rank).toMatchObject({ position: 40, of: 63 });
    const counts = Object.fromEntries((s.adoption.byRegion ?? []).map((e) => [e.region, e.count]));
    expect(counts).toEqual({
      "gia-nghia": 13404,
      "dak-mil": 8713,
      "dak-rlap": 7498,
      "cu-jut": 6963,
      "dak-song": 6567,
      "krong-no": 5757,
      "dak-glong": 4397,
      "tuy-duc": 4217,
    });
    expect(s.regions.map((r) => r.name)).toEqual([
      "Thành phố Gia Nghĩa",
      "Huyện Đắk Mil",
      "Huyện Đắk R'Lấp",
      "Huyện Cư Jút",
      "Huyện Đắk Song",
      "Huyện Krông Nô",
      "Huyện Đắk Glong",
      "Huyện Tuy Đức",
    ]);
    expect(s.adoption.countDiscrepancy?.byRegionSum).toBe(57516);
    expect(s.target).toMatchObject({
      share: 0.6,
      of: "adults",
      qualifier: "about",
      deadline: "2020-08-20",
    });
  });

  it("Lai Châu, 1661/UBND-VX, 15 Aug 2020: over 33 thousand ≈ 7.4%; 100% of officials by 18 Aug", () => {
    const s = scenario("lai-chau-2020-08-15");
    expect(s.source).toMatchObject({
      number: "1661/UBND-VX",
      date: "2020-08-15",
      seedFile: "003_28dd24433e409403.txt",
    });
    expect(s.adoption).toMatchObject({
      count: 33000,
      countQualifier: "moreThan",
      share: 0.074,
      of: "population",
      shareQualifier: "about",
    });
    expect(s.target).toMatchObject({
      share: 1,
      of: "smartphoneUsers",
      group: "officials",
      deadline: "2020-08-18",
    });
  });

  it("Cần Giuộc, 4195/UBND-VHXXH, 14 Aug 2020: 17 F0 → 82 F1/F2; ≥ 50% of smartphone users; officials 100%", () => {
    const s = scenario("can-giuoc-2020-08-14");
    expect(s.source).toMatchObject({
      number: "4195/UBND-VHXXH",
      date: "2020-08-14",
      seedFile: "000_da970f3df3d2ed05.txt",
    });
    expect(s.calibration).toMatchObject({
      f0WithApp: 17,
      f1f2BeyondManual: 82,
      asOf: "2020-08-13",
    });
    expect(s.f0).toMatchObject({ count: 17, from: "appUsers" });
    expect(s.target).toMatchObject({
      share: 0.5,
      of: "smartphoneUsers",
      qualifier: "atLeast",
      deadline: "2020-08-20",
    });
    expect(s.otherTargets?.[0]).toMatchObject({
      share: 1,
      of: "smartphoneUsers",
      group: "officials",
    });
    expect(s.adoption.basis).toBe("standIn");
  });

  it("Bình Gia (Lạng Sơn), after 1018/UBND-KGVX of 20 Aug 2020: quarantined and must-test install immediately", () => {
    const s = scenario("binh-gia-2020-08");
    expect(s.source).toMatchObject({ date: "2020-08", seedFile: "004_4684d22aeee9e223.txt" });
    expect(s.source.related?.[0]).toMatchObject({
      number: "1018/UBND-KGVX",
      date: "2020-08-20",
      relation: "implements",
    });
    expect(s.target).toMatchObject({
      share: 1,
      of: "smartphoneUsers",
      group: "quarantined-or-tested",
    });
    expect(s.target.deadline).toBeUndefined();
  });

  it("Viet Nam: the 2019 census's 96,208,984 in six regions; Government ≥ 60% of the population", () => {
    const s = scenario("vietnam-2020-08");
    expect(totalPopulation(s)).toBe(96208984);
    expect(s.regions).toHaveLength(6);
    expect(s.target).toMatchObject({ share: 0.6, of: "population", qualifier: "atLeast" });
    expect(s.otherTargets?.[0]).toMatchObject({ share: 0.6, of: "adults", deadline: "2020-08-20" });
    expect(s.adoption).toMatchObject({
      count: 20000000,
      countQualifier: "moreThan",
      asOf: "2020-08-20",
    });
  });

  it("every file draws the seeds' 17 F0 over 14 days", () => {
    for (const id of [
      "hung-yen-2020-08-18",
      "dak-nong-2020-08-13",
      "lai-chau-2020-08-15",
      "binh-gia-2020-08",
      "vietnam-2020-08",
    ]) {
      const s = scenario(id);
      expect([s.f0.count, s.f0.from, s.days]).toEqual([17, "all", 14]);
    }
  });
});
