import { describe, expect, it } from "vitest";
import { interpolate, powerCurve, shareTicks, spans, stepAdoption } from "../src/scales.js";

describe("scales", () => {
  it("steps the slider by 1% and 10%, from a preset to the next whole step", () => {
    expect(stepAdoption(0.6, "ArrowRight")).toBe(0.61);
    expect(stepAdoption(0.6, "ArrowLeft")).toBe(0.59);
    expect(stepAdoption(0.1653, "ArrowRight")).toBe(0.17);
    expect(stepAdoption(0.1653, "ArrowLeft")).toBe(0.16);
    expect(stepAdoption(0.1653, "PageUp")).toBe(0.2);
    expect(stepAdoption(0.1653, "ArrowLeft", true)).toBe(0.1);
    expect(stepAdoption(0.05, "ArrowLeft")).toBe(0.05);
    expect(stepAdoption(0.995, "ArrowRight")).toBe(1);
    expect(stepAdoption(0.3, "Home")).toBe(0.05);
    expect(stepAdoption(0.3, "End")).toBe(1);
    expect(stepAdoption(0.3, "a")).toBeUndefined();
  });

  it("interpolates between points and not beyond them", () => {
    const pts = [
      { x: 0.1, y: 0.01 },
      { x: 0.2, y: 0.04 },
      { x: 0.4, y: Number.NaN },
      { x: 0.6, y: 0.36 },
    ];
    expect(interpolate(pts, 0.15)).toBeCloseTo(0.025);
    expect(interpolate(pts, 0.4)).toBeCloseTo(0.2);
    expect(interpolate(pts, 0.6)).toBeCloseTo(0.36);
    expect(interpolate(pts, 0.05)).toBeUndefined();
    expect(interpolate(pts, 0.7)).toBeUndefined();
    expect(interpolate([], 0.5)).toBeUndefined();
  });

  it("draws a² and a³", () => {
    const a2 = powerCurve(2, 0, 1, 10);
    expect(a2).toHaveLength(11);
    expect(a2[5]!.y).toBeCloseTo(0.25);
    expect(powerCurve(3, 0, 1, 10)[6]!.y).toBeCloseTo(0.216);
  });

  it("ticks every 10% and checks the 8% → 60% span", () => {
    expect(shareTicks()).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(spans([0.05, 0.08, 0.3, 0.6], 0.08, 0.6)).toBe(true);
    expect(spans([0.1, 0.6], 0.08, 0.6)).toBe(false);
  });
});
