import { PALETTE } from "../palette.js";
import type { ChartPart } from "./part.js";

/** Rough width of a character of the title at 16 px (bold), for wrapping without measuring. */
const CHAR = 8.6;
export const TITLE_LINE = 21;

/** The title's lines at this width: words wrapped so no line runs past the chart's edge. */
export function titleLines(text: string, width: number): string[] {
  const max = Math.max(10, Math.floor((width - 24) / CHAR));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The chart's title, wrapped (its lines worked out in the view). */
export const title: ChartPart = {
  name: "title",
  draw: (_f, v) => (g) => {
    const text = g
      .append("text")
      .attr("x", 12)
      .attr("y", 24)
      .attr("font-size", 16)
      .attr("font-weight", 700)
      .attr("fill", PALETTE.text);
    v.title.forEach((l, i) => {
      text
        .append("tspan")
        .attr("x", 12)
        .attr("dy", i === 0 ? 0 : TITLE_LINE)
        .text(l);
    });
  },
};
