import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent } from "../src/format.js";

describe("format", () => {
  it("writes percentages as the letters do", () => {
    expect(formatPercent(0.1653, "vi")).toBe("16,53%");
    expect(formatPercent(0.1653, "en")).toBe("16.53%");
    expect(formatPercent(0.6, "vi")).toBe("60%");
    expect(formatPercent(0.0882, "en", 1)).toBe("8.8%");
    expect(formatPercent(Number.NaN, "en")).toBe("–");
  });

  it("groups thousands with the language's separator", () => {
    expect(formatNumber(57511, "vi")).toBe("57.511");
    expect(formatNumber(57511, "en")).toBe("57,511");
    expect(formatNumber(1234567.891, "vi", 2)).toBe("1.234.567,89");
    expect(formatNumber(-4.8, "en", 1)).toBe("−4.8");
    expect(formatNumber(999, "en")).toBe("999");
  });
});
