import { formatPercent } from "../format.js";
import { PALETTE } from "../palette.js";
import type { Series } from "../sweep-data.js";
import type { ChartPart } from "./part.js";
import { SERIES_STYLE } from "./series.js";

/**
 * The slider's value on the chart: a vertical line at its adoption and, for F1 and F2, a ring
 * and a label at the page's estimate there (estimate.ts) — the very numbers the cards show,
 * carried unrounded in `data-value` of `chart-marker-f1` and `chart-marker-f2`.
 */
export interface Marker {
  /** Where the line stands: adoption as a share of the population. */
  adoption: number;
  /** The estimates at it (absent until the sweep reaches it). */
  values?: Partial<Record<Series, number>>;
}

export const marker: ChartPart = {
  name: "marker",
  draw: (f, v) => (g) => {
    const marker = v.marker;
    if (marker === undefined) return;
    const { x, y, margin: m, height: H, width: W } = f;
    const mx = x(marker.adoption);
    g.attr("class", "marker").attr("data-marker", String(marker.adoption));
    g.append("line")
      .attr("x1", mx)
      .attr("x2", mx)
      .attr("y1", m.top - 4)
      .attr("y2", H - m.bottom)
      .attr("stroke", PALETTE.marker)
      .attr("stroke-width", 1.5);
    // Labels go left of the line when there is no room on its right.
    const atEnd = mx > W - 110;
    const label = (text: string, ly: number, size: number, colour: string) =>
      g
        .append("text")
        .attr("x", mx + (atEnd ? -12 : 12))
        .attr("y", ly)
        .attr("text-anchor", atEnd ? "end" : "start")
        .attr("font-size", size)
        .attr("font-weight", 700)
        .attr("fill", colour)
        .attr("stroke", PALETTE.background)
        .attr("stroke-width", 4)
        .attr("paint-order", "stroke")
        .text(text);
    label(formatPercent(marker.adoption, f.lang), m.top + 34, 15, PALETTE.marker);
    const marks = (["f1", "f2"] as const)
      .map((s) => ({ s, v: marker.values?.[s] }))
      .filter((d): d is { s: Series; v: number } => d.v !== undefined && Number.isFinite(d.v))
      .map((d) => ({ ...d, ly: y(d.v) + 5 }));
    spreadLabels(marks, 17, m.top + 48, H - m.bottom - 4);
    for (const { s, v, ly } of marks) {
      const colour = SERIES_STYLE[s].colour;
      g.append("circle")
        .attr("cx", mx)
        .attr("cy", y(v))
        .attr("r", 7)
        .attr("fill", "none")
        .attr("stroke", colour)
        .attr("stroke-width", 2.5)
        .attr("data-testid", `chart-marker-${s}`)
        .attr("data-value", String(v));
      label(`${s.toUpperCase()} ${formatPercent(v, f.lang, 0)}`, ly, 14, colour);
    }
  },
};

/**
 * Moves label baselines (sorted by y) apart to at least `gap`, within [top, bottom]: the F1
 * and F2 values at the marker stay readable where the two lines meet.
 */
export function spreadLabels(
  labels: { ly: number }[],
  gap: number,
  top: number,
  bottom: number,
): void {
  labels.sort((a, b) => a.ly - b.ly);
  for (let i = 1; i < labels.length; i++) {
    const prev = labels[i - 1]!;
    const cur = labels[i]!;
    if (cur.ly - prev.ly < gap) {
      const mid = (cur.ly + prev.ly) / 2;
      prev.ly = mid - gap / 2;
      cur.ly = mid + gap / 2;
    }
  }
  const shift =
    labels.length > 0
      ? Math.max(0, top - labels[0]!.ly) - Math.max(0, labels[labels.length - 1]!.ly - bottom)
      : 0;
  for (const l of labels) l.ly += shift;
}
