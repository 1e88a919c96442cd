import { type ScaleLinear, type Selection, scaleLinear } from "d3";
import { type Lang, t } from "../i18n.js";

/** The group a chart part draws into (one per part, in paint order). */
export type Layer = Selection<SVGGElement, unknown, null, undefined>;

/**
 * What every part of the sweep chart draws with: its size in CSS pixels (the viewBox is drawn
 * 1:1, so a 13 px label is 13 px on a phone too), the margins and the two scales, and the
 * page's words.
 */
export interface ChartFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  lang: Lang;
  tr: (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => string;
}

export const FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";

/** The widest the chart is drawn (wider containers centre it), and the narrowest. */
export const MAX_WIDTH = 640;
export const MIN_WIDTH = 300;
export const HEIGHT = 440;

export function chartFrame(
  width: number,
  rows: { title: number; legend: number },
  lang: Lang,
): ChartFrame {
  // The title's lines, then the legend's rows, then the plot.
  const top = legendTop(rows.title) + 21 * (rows.legend - 1) + 15;
  const margin = { top, right: 18, bottom: 54, left: 58 };
  const x = scaleLinear()
    .domain([0, 1])
    .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([HEIGHT - margin.bottom, margin.top]);
  return { width, height: HEIGHT, margin, x, y, lang, tr: (k, p) => t(lang, k, p) };
}

/** The baseline of the legend's first row, under a title of `titleLines` lines. */
export function legendTop(titleLines: number): number {
  return 48 + 21 * (titleLines - 1);
}
