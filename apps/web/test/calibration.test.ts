import { STRINGS } from "@tracebed/viewer";
import { describe, expect, it } from "vitest";
import { CALIBRATION_2020_08 as cal } from "../src/calibration.js";

describe("the shipped August 2020 calibration", () => {
  it("is a tracebed calibrate result for Cần Giuộc over 6 seeds, beside the Ministry's 4.8", () => {
    expect(cal.scenario).toBe("can-giuoc-2020-08-14");
    expect(cal.seeds).toBe(6);
    expect(cal.ministry).toBe(4.8);
    expect(cal.lo).toBeGreaterThanOrEqual(0);
    expect(cal.lo).toBeLessThanOrEqual(cal.mean);
    expect(cal.hi).toBeGreaterThanOrEqual(cal.mean);
  });

  it("is explained in one sentence in both languages, with its figure and interval", () => {
    for (const lang of ["vi", "en"] as const) {
      const text = STRINGS[lang]["summary.calibration"];
      for (const slot of ["{mean}", "{lo}", "{hi}"]) expect(text).toContain(slot);
      expect(text).toMatch(/4[.,]8/);
    }
  });
});
