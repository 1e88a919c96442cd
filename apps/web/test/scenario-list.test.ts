import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { districtFigures, SCENARIO_IDS, scenario, scenarioName } from "../src/scenarios.js";

const index = JSON.parse(
  readFileSync(new URL("../../../scenarios/index.json", import.meta.url), "utf8"),
) as { scenarios: { id: string; name: string; nameEn: string }[] };

describe("the page's scenarios", () => {
  it("are scenarios/index.json's, in its order, with its names", () => {
    expect(SCENARIO_IDS).toEqual(index.scenarios.map((s) => s.id));
    for (const e of index.scenarios) {
      expect(scenario(e.id).id).toBe(e.id);
      expect(scenarioName(e.id, "vi")).toBe(e.name);
      expect(scenarioName(e.id, "en")).toBe(e.nameEn);
    }
  });

  it("give the district table each scenario's own areas; user counts only where a letter has them", () => {
    for (const id of SCENARIO_IDS) {
      const d = districtFigures(id);
      expect(d.districts.map((x) => x.id)).toEqual(scenario(id).regions.map((r) => r.id));
      expect(d.targetShare).toBeGreaterThan(0);
      expect(d.targetShare).toBeLessThanOrEqual(1);
    }
    const dn = districtFigures("dak-nong-2020-08-13");
    expect(dn.districts.every((x) => x.users !== undefined)).toBe(true);
    expect(dn.statedTotal).toBe(57_511);
    expect(dn.letter).toMatch(/4161/);
    const hy = districtFigures("hung-yen-2020-08-18");
    expect(hy.districts.every((x) => x.users === undefined)).toBe(true);
    expect(hy.letter).toBeUndefined();
  });
});
