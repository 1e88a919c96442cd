import { describe, expect, it } from "vitest";
import { canonicalJson, parseScenario, scenarioHash } from "../../src/scenario/index.js";
import { rawScenario, scenario } from "./helpers.js";

describe("scenarioHash", () => {
  it("is SHA-256 hex of the canonical JSON", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], c: undefined })).toBe(
      '{"a":[true,null,"x"],"b":1}',
    );
    expect(scenarioHash(scenario("hung-yen-2020-08-18"))).toMatch(/^[0-9a-f]{64}$/);
  });

  it("does not depend on the order of fields in the file", () => {
    const raw = rawScenario("hung-yen-2020-08-18");
    const reversed = Object.fromEntries(Object.entries(raw).reverse());
    const a = scenarioHash(parseScenario(raw, "hung-yen-2020-08-18.json"));
    const b = scenarioHash(parseScenario(reversed, "hung-yen-2020-08-18.json"));
    expect(b).toBe(a);
  });

  it("changes when a figure changes", () => {
    const raw = rawScenario("hung-yen-2020-08-18");
    const before = scenarioHash(parseScenario(raw, "hung-yen-2020-08-18.json"));
    raw.adoption.share = 0.1654;
    expect(scenarioHash(parseScenario(raw, "hung-yen-2020-08-18.json"))).not.toBe(before);
  });

  it("differs between the scenario files", () => {
    const ids = ["hung-yen-2020-08-18", "dak-nong-2020-08-13", "lai-chau-2020-08-15"];
    expect(new Set(ids.map((id) => scenarioHash(scenario(id)))).size).toBe(3);
  });
});
