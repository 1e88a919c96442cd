import type { ChartPoint, Series } from "../sweep-data.js";
import type { ChartFrame, Layer } from "./frame.js";
import type { Marker } from "./marker.js";

/** What the chart shows now: everything a part may draw, worked out once per render. */
export interface ChartView {
  /** The title's lines at this width. */
  title: readonly string[];
  /** The band's name in the legend, and in full (for each point's tooltip). */
  bandShort: string;
  bandLabel: string;
  points: Readonly<Record<Series, readonly ChartPoint[]>>;
  /** Shaded x ranges: the letters' observed adoption, their targets. */
  observed?: readonly [number, number];
  targets?: readonly [number, number];
  marker?: Marker;
  onPick?: (adoption: number) => void;
}

/**
 * One part of the sweep chart, in the d3-axis manner: given the frame and the view it returns
 * a function to call on a selection (`layer.call(part.draw(f, v))`), which draws the part
 * into that group. Parts are listed, in paint order, in parts.ts.
 */
export interface ChartPart {
  readonly name: string;
  draw(f: ChartFrame, v: ChartView): (layer: Layer) => void;
}
