import { describe, expect, it } from "vitest";
import { legendRows } from "../src/chart/legend.js";
import { titleLines } from "../src/chart/title.js";
import { STRINGS } from "../src/i18n.js";

/** The chart is drawn at its container's width: its title and legend wrap instead of shrinking. */
describe("the chart's layout by width", () => {
  for (const lang of ["vi", "en"] as const) {
    const s = STRINGS[lang];
    const labels = {
      series: [s["chart.f1"], s["chart.f2"]] as [string, string],
      band: s["chart.bandPct"],
      refs: [s["chart.a2"], s["chart.a3"]] as [string, string],
    };

    it(`${lang}: one title line and two legend rows at 640 px, more of each on a phone`, () => {
      expect(titleLines(s["chart.title"], 640)).toHaveLength(1);
      expect(legendRows(640, labels)).toBe(2);
      expect(titleLines(s["chart.title"], 358).length).toBeGreaterThan(1);
      expect(legendRows(358, labels)).toBeGreaterThan(2);
    });

    it(`${lang}: no title line is longer than the width allows, and no word is lost`, () => {
      for (const width of [300, 358, 480, 640]) {
        const lines = titleLines(s["chart.title"], width);
        expect(lines.join(" ")).toBe(s["chart.title"]);
        for (const l of lines) expect(l.length * 8.6).toBeLessThanOrEqual(width - 24 + 8.6 * 4);
      }
    });
  }
});
