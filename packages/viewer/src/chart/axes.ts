import { axisBottom, axisLeft } from "d3";
import { formatPercent } from "../format.js";
import { PALETTE } from "../palette.js";
import { shareTicks } from "../scales.js";
import { FONT } from "./frame.js";
import type { ChartPart } from "./part.js";

/** Horizontal grid lines, both share axes (every 10%; every 20% when narrow) and their titles. */
export const axes: ChartPart = {
  name: "axes",
  draw: (f) => (svg) => {
    const { x, y, margin: m, width: W, height: H } = f;
    const ticks = shareTicks(1, 0.1);
    const xTicks = W < 480 ? shareTicks(1, 0.2) : ticks;
    const grid = svg.append("g").attr("stroke", PALETTE.grid).attr("stroke-width", 1);
    for (const v of ticks.slice(1)) {
      grid
        .append("line")
        .attr("x1", m.left)
        .attr("x2", W - m.right)
        .attr("y1", y(v))
        .attr("y2", y(v));
    }
    const pct = (v: number) => formatPercent(v, f.lang, 0);
    const xAxis = svg
      .append("g")
      .attr("transform", `translate(0,${H - m.bottom})`)
      .call(
        axisBottom(x)
          .tickValues(xTicks)
          .tickFormat((v) => pct(Number(v))),
      );
    const yAxis = svg
      .append("g")
      .attr("transform", `translate(${m.left},0)`)
      .call(
        axisLeft(y)
          .tickValues(ticks)
          .tickFormat((v) => pct(Number(v))),
      );
    for (const axis of [xAxis, yAxis]) {
      axis.attr("font-family", FONT).attr("font-size", 13).attr("color", PALETTE.axis);
    }
    svg
      .append("text")
      .attr("x", (m.left + W - m.right) / 2)
      .attr("y", H - 14)
      .attr("text-anchor", "middle")
      .attr("font-size", 14)
      .attr("fill", PALETTE.text)
      .text(f.tr("chart.x"));
    svg
      .append("text")
      .attr("transform", `translate(18,${(m.top + H - m.bottom) / 2}) rotate(-90)`)
      .attr("text-anchor", "middle")
      .attr("font-size", 14)
      .attr("fill", PALETTE.text)
      .text(f.tr("chart.y"));
  },
};
