import { PALETTE } from "../palette.js";
import { REFERENCES } from "./annotations.js";
import { type ChartFrame, type Layer, legendTop } from "./frame.js";
import type { ChartPart } from "./part.js";
import { SERIES_STYLE } from "./series.js";

/** A legend entry: a key drawn at (x, y) and its label; `width` the room it takes. */
interface Item {
  label: string;
  key: (g: Layer, x: number, y: number) => void;
}

const ITEM_GAP = 22;
const KEY_WIDTH = 34;
/** Rough label width at 13 px (no text measuring: the export must match the screen). */
const labelWidth = (s: string) => 7.2 * s.length;

function items(f: ChartFrame, bandLabel: string): Item[] {
  const series = (["f1", "f2"] as const).map((s) => ({
    label: f.tr(s === "f1" ? "chart.f1" : "chart.f2"),
    key: (g: Layer, x: number, y: number) => {
      const { colour, shape } = SERIES_STYLE[s];
      g.append("line")
        .attr("x1", x)
        .attr("x2", x + 26)
        .attr("y1", y)
        .attr("y2", y)
        .attr("stroke", colour)
        .attr("stroke-width", 2.5);
      if (shape === "circle")
        g.append("circle")
          .attr("cx", x + 13)
          .attr("cy", y)
          .attr("r", 4.5)
          .attr("fill", colour);
      else
        g.append("rect")
          .attr("x", x + 9)
          .attr("y", y - 4)
          .attr("width", 8)
          .attr("height", 8)
          .attr("fill", colour);
    },
  }));
  const band = {
    label: bandLabel,
    key: (g: Layer, x: number, y: number) => {
      g.append("rect")
        .attr("x", x)
        .attr("y", y - 6)
        .attr("width", 26)
        .attr("height", 12)
        .attr("fill", PALETTE.f1)
        .attr("fill-opacity", 0.18);
    },
  };
  const refs = REFERENCES.map((r) => ({
    label: f.tr(r.label),
    key: (g: Layer, x: number, y: number) => {
      g.append("line")
        .attr("x1", x)
        .attr("x2", x + 26)
        .attr("y1", y)
        .attr("y2", y)
        .attr("stroke", PALETTE.reference)
        .attr("stroke-width", 1.5)
        .attr("stroke-dasharray", r.dash);
    },
  }));
  return [...series, band, ...refs];
}

/** Where each item goes: left to right, onto a new row when the next would not fit. */
function layout(
  labels: readonly string[],
  left: number,
  right: number,
): { row: number; x: number }[] {
  let row = 0;
  let x = left;
  return labels.map((label) => {
    const w = KEY_WIDTH + labelWidth(label);
    if (x > left && x + w > right) {
      row++;
      x = left;
    }
    const at = { row, x };
    x += w + ITEM_GAP;
    return at;
  });
}

/** How many rows the legend takes at this width (the frame leaves room for them). */
export function legendRows(
  width: number,
  labels: { series: [string, string]; band: string; refs: [string, string] },
): number {
  const all = [...labels.series, labels.band, ...labels.refs];
  const spots = layout(all, 12, width - 12);
  return spots[spots.length - 1]!.row + 1;
}

/** The legend under the title: the two series, the band, the a² and a³ lines. */
export const legend: ChartPart = {
  name: "legend",
  draw: (f, v) => (g) => {
    g.attr("class", "legend").attr("font-size", 13).attr("fill", PALETTE.text);
    const list = items(f, v.bandShort);
    const spots = layout(
      list.map((i) => i.label),
      12,
      f.width - 12,
    );
    list.forEach((item, i) => {
      const { row, x } = spots[i]!;
      const y = legendTop(v.title.length) + 21 * row;
      item.key(g, x, y);
      g.append("text")
        .attr("x", x + KEY_WIDTH)
        .attr("y", y + 4)
        .text(item.label);
    });
  },
};
