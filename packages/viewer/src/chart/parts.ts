import { letterRanges, references } from "./annotations.js";
import { axes } from "./axes.js";
import { legend } from "./legend.js";
import { marker } from "./marker.js";
import type { ChartPart } from "./part.js";
import { picker } from "./pick.js";
import { empty, f1Series, f2Series } from "./series.js";
import { title } from "./title.js";

/**
 * The sweep chart's parts in paint order (later ones on top): a new part is a file exporting
 * one ChartPart and a line here. The picker comes last so it takes the pointer.
 */
export const CHART_PARTS: readonly ChartPart[] = [
  title,
  letterRanges,
  axes,
  references,
  f2Series,
  f1Series,
  empty,
  marker,
  legend,
  picker,
];
