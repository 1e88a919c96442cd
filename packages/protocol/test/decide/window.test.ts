import { describe, expect, it } from "vitest";
import { indexWindow } from "../../src/decide/window.js";
import { DAY, DAY0 } from "./helpers.js";

describe("indexWindow", () => {
  it("covers the 14 UTC days up to windowEnd, the last one cut at windowEnd", () => {
    const noon = DAY0 + 12 * 3600;
    expect(indexWindow(noon, 14)).toEqual({ start: DAY0 - 13 * DAY, end: noon });
  });

  it("is exactly 14 days when windowEnd is a midnight", () => {
    expect(indexWindow(DAY0, 14)).toEqual({ start: DAY0 - 14 * DAY, end: DAY0 });
  });

  it("starts a new day one second after midnight", () => {
    expect(indexWindow(DAY0 + 1, 14)).toEqual({ start: DAY0 - 13 * DAY, end: DAY0 + 1 });
  });

  it("starts an F1's window at its exposure day when that is later (causal window)", () => {
    const noon = DAY0 + 12 * 3600;
    expect(indexWindow(noon, 14, DAY0 - 2 * DAY)).toEqual({ start: DAY0 - 2 * DAY, end: noon });
    // An exposure older than the 14 days changes nothing.
    expect(indexWindow(noon, 14, DAY0 - 20 * DAY)).toEqual({ start: DAY0 - 13 * DAY, end: noon });
  });
});
