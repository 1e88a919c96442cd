import { line } from "d3";
import { PALETTE } from "../palette.js";
import { powerCurve, type XY } from "../scales.js";
import type { ChartPart } from "./part.js";

/** The letters' observed adoption and their targets, shaded behind the plot with a label. */
export const letterRanges: ChartPart = {
  name: "letter-ranges",
  draw: (f, v) => (g) => {
    const { x, margin: m, height: H } = f;
    g.attr("class", "annotations");
    const shaded = (range: readonly [number, number] | undefined, fill: string, label: string) => {
      if (!range) return;
      const [a, b] = range;
      g.append("rect")
        .attr("x", x(a))
        .attr("y", m.top)
        .attr("width", Math.max(2, x(b) - x(a)))
        .attr("height", H - m.bottom - m.top)
        .attr("fill", fill);
      g.append("text")
        .attr("x", (x(a) + x(b)) / 2)
        .attr("y", m.top + 16)
        .attr("text-anchor", "middle")
        .attr("font-size", 12)
        .attr("fill", PALETTE.muted)
        .text(label);
    };
    shaded(v.observed, PALETTE.observed, f.tr("chart.observed"));
    shaded(v.targets, PALETTE.target, f.tr("chart.targets"));
  },
};

/** Dash patterns of the reference lines: a² for F1, a³ for F2. */
export const REFERENCES = [
  { power: 2, dash: "7 4", label: "chart.a2" },
  { power: 3, dash: "2 3", label: "chart.a3" },
] as const;

/** The reference relations a² and a³ (uniform, independent adoption, ideal Bluetooth). */
export const references: ChartPart = {
  name: "references",
  draw: (f) => (g) => {
    const path = line<XY>()
      .x((d) => f.x(d.x))
      .y((d) => f.y(d.y));
    g.attr("class", "reference").attr("fill", "none");
    for (const r of REFERENCES) {
      g.append("path")
        .attr("d", path(powerCurve(r.power)))
        .attr("stroke", PALETTE.reference)
        .attr("stroke-width", 1.5)
        .attr("stroke-dasharray", r.dash)
        .attr("data-reference", `a${r.power}`);
    }
  },
};
