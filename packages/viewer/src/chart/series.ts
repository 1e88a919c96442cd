import { area, line } from "d3";
import { formatPercent } from "../format.js";
import { PALETTE } from "../palette.js";
import type { ChartPoint, Series } from "../sweep-data.js";
import type { ChartFrame, Layer } from "./frame.js";
import type { ChartPart } from "./part.js";

export const SERIES_STYLE: Record<Series, { colour: string; shape: "circle" | "square" }> = {
  f1: { colour: PALETTE.f1, shape: "circle" },
  f2: { colour: PALETTE.f2, shape: "square" },
};

/**
 * One series: its band, its mean line and a mark per point, each mark with `data-adoption`
 * (its x, a fraction), `data-mean` and `data-runs`.
 */
function drawSeries(
  f: ChartFrame,
  g: Layer,
  s: Series,
  pts: readonly ChartPoint[],
  bandLabel: string,
): void {
  const { x, y } = f;
  const style = SERIES_STYLE[s];
  g.attr("data-series", s);
  if (pts.length > 1) {
    const band = area<ChartPoint>()
      .x((d) => x(d.x))
      .y0((d) => y(d.lo))
      .y1((d) => y(d.hi));
    const mean = line<ChartPoint>()
      .x((d) => x(d.x))
      .y((d) => y(d.mean));
    g.append("path")
      .attr("d", band([...pts]))
      .attr("fill", style.colour)
      .attr("fill-opacity", 0.18)
      .attr("stroke", "none");
    g.append("path")
      .attr("d", mean([...pts]))
      .attr("fill", "none")
      .attr("stroke", style.colour)
      .attr("stroke-width", 2.5);
  }
  for (const p of pts) {
    const el = g.append<SVGElement>(style.shape === "circle" ? "circle" : "rect");
    if (style.shape === "circle") el.attr("cx", x(p.x)).attr("cy", y(p.mean)).attr("r", 4.5);
    else
      el.attr("x", x(p.x) - 4)
        .attr("y", y(p.mean) - 4)
        .attr("width", 8)
        .attr("height", 8);
    el.attr("fill", style.colour)
      .attr("stroke", PALETTE.background)
      .attr("stroke-width", 1.5)
      .attr("class", "sweep-point")
      .attr("data-series", s)
      .attr("data-adoption", String(Math.round(p.x * 10_000) / 10_000))
      .attr("data-mean", String(Math.round(p.mean * 10_000) / 10_000))
      .attr("data-runs", String(p.n));
    el.append("title").text(
      f.tr("chart.point", {
        series: s.toUpperCase(),
        pct: formatPercent(p.x, f.lang, 1),
        mean: formatPercent(p.mean, f.lang, 1),
        n: p.n,
        band: bandLabel,
        lo: formatPercent(p.lo, f.lang, 1),
        hi: formatPercent(p.hi, f.lang, 1),
      }),
    );
  }
}

/** The F2 series under the F1 series (F1 is the headline, drawn on top). */
export const f2Series: ChartPart = {
  name: "series-f2",
  draw: (f, v) => (g) => drawSeries(f, g, "f2", v.points.f2, v.bandLabel),
};

export const f1Series: ChartPart = {
  name: "series-f1",
  draw: (f, v) => (g) => drawSeries(f, g, "f1", v.points.f1, v.bandLabel),
};

/** "Simulating…" in the middle of the plot while it has no point. */
export const empty: ChartPart = {
  name: "empty",
  draw: (f, v) => (g) => {
    if (v.points.f1.length > 0 || v.points.f2.length > 0) return;
    const { margin: m, width: W, height: H } = f;
    g.append("text")
      .attr("x", (m.left + W - m.right) / 2)
      .attr("y", (m.top + H - m.bottom) / 2)
      .attr("text-anchor", "middle")
      .attr("font-size", 16)
      .attr("fill", PALETTE.muted)
      .text(f.tr("chart.empty"));
  },
};
