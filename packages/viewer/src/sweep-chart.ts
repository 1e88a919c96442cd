import type { DesignName } from "@tracebed/protocol";
import { select } from "d3";
import { chartFrame, FONT, HEIGHT, MAX_WIDTH, MIN_WIDTH } from "./chart/frame.js";
import { legendRows } from "./chart/legend.js";
import type { Marker } from "./chart/marker.js";
import type { ChartView } from "./chart/part.js";
import { CHART_PARTS } from "./chart/parts.js";
import { titleLines } from "./chart/title.js";
import { type Lang, t } from "./i18n.js";
import { PALETTE } from "./palette.js";
import { interpolate } from "./scales.js";
import { type ChartPoint, type Series, type SweepPointLike, seriesOf } from "./sweep-data.js";
import type { Band, Mode } from "./url-state.js";

export type { Marker } from "./chart/marker.js";
export { spreadLabels } from "./chart/marker.js";

/**
 * The sweep chart: F1 and F2 detection (share of the true contacts the app found) against
 * adoption, a mean line and a band per series, the a² and a³ reference lines, the letters'
 * observed range and targets, and the slider's value marked. Plain SVG with presentation
 * attributes (no page CSS), so the exported SVG and PNG look like the screen. Drawn at its
 * container's width (300–640 px) in CSS pixels, so its text keeps its size on a phone. Each
 * part is a ChartPart of its own in chart/, listed in paint order in chart/parts.ts; this
 * class holds the state, works out the view once per render and calls each part on its layer.
 */

export interface SweepChartOptions {
  lang: Lang;
  band: Band;
  mode: Mode;
  /** Runs per point, for the description. */
  seeds: number;
  /** Whose rule the found shares are (named in the title and the description). */
  design?: DesignName;
  /** Shaded x ranges with a label: the letters' observed adoption, their targets. */
  observed?: readonly [number, number];
  targets?: readonly [number, number];
  /** Called with the adoption under the pointer when the chart is clicked or dragged. */
  onPick?: (adoption: number) => void;
}

let chartCount = 0;

export class SweepChart {
  readonly svg: SVGSVGElement;
  private points: SweepPointLike[] = [];
  private marker: Marker | undefined;
  private opts: SweepChartOptions;
  private width = MAX_WIDTH;
  private readonly id = `sweep-chart-${++chartCount}`;

  constructor(container: Element, options: SweepChartOptions) {
    this.opts = { ...options };
    const svg = select(container)
      .append("svg")
      .attr("xmlns", "http://www.w3.org/2000/svg")
      .attr("data-testid", "sweep-chart")
      .attr("role", "img")
      .attr("aria-labelledby", `${this.id}-title ${this.id}-desc`)
      .attr("font-family", FONT)
      .style("display", "block")
      .style("max-width", "100%")
      .style("height", "auto")
      .style("margin", "0 auto");
    this.svg = svg.node()!;
    if (typeof ResizeObserver !== "undefined") {
      new ResizeObserver(() => this.fit(container)).observe(container);
    }
    this.fit(container);
  }

  /** Redraws at the container's width when it changed (a phone turned, a window resized). */
  private fit(container: Element): void {
    const w = container.clientWidth;
    const width = w > 0 ? Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.floor(w))) : MAX_WIDTH;
    if (width === this.width && this.svg.childElementCount > 0) return;
    this.width = width;
    this.render();
  }

  /** Replaces the plotted sweep (points may arrive a few at a time). */
  setData(points: readonly SweepPointLike[]): void {
    this.points = [...points];
    this.render();
  }

  /** Marks the slider's value and the page's estimates there (undefined: no marker). */
  setMarker(marker: Marker | undefined): void {
    if (JSON.stringify(marker) === JSON.stringify(this.marker)) return;
    this.marker = marker;
    this.render();
  }

  setOptions(options: Partial<SweepChartOptions>): void {
    this.opts = { ...this.opts, ...options };
    this.render();
  }

  /** The plotted series as chart points (for summaries and tests). */
  series(which: Series): ChartPoint[] {
    return seriesOf(this.points, which, this.opts.band, this.opts.mode);
  }

  /** Interpolated mean of a series at adoption x (undefined outside the points). */
  valueAt(which: Series, x: number): number | undefined {
    return interpolate(
      this.series(which).map((p) => ({ x: p.x, y: p.mean })),
      x,
    );
  }

  private render(): void {
    const { lang, band } = this.opts;
    const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) =>
      t(lang, key, params);
    const bandLabel = tr(band === "ci" ? "controls.bandCi" : "controls.bandPct");
    const bandShort = tr(band === "ci" ? "chart.bandCi" : "chart.bandPct");
    const design = this.opts.design;
    const designName = design === undefined ? undefined : tr(`designShort.${design}`);
    const titleText =
      designName === undefined
        ? tr("chart.title")
        : `${tr("chart.title")} · ${tr("chart.design", { design: designName })}`;
    const title = titleLines(titleText, this.width);
    const rows = {
      title: title.length,
      legend: legendRows(this.width, {
        series: [tr("chart.f1"), tr("chart.f2")],
        band: bandShort,
        refs: [tr("chart.a2"), tr("chart.a3")],
      }),
    };
    const svg = select(this.svg);
    svg.selectAll("*").remove();
    svg
      .attr("viewBox", `0 0 ${this.width} ${HEIGHT}`)
      .attr("width", this.width)
      .attr("height", HEIGHT);
    const f = chartFrame(this.width, rows, lang);

    svg.append("title").attr("id", `${this.id}-title`).text(titleText);
    const desc = tr("chart.desc", { seeds: this.opts.seeds, band: bandLabel });
    svg
      .append("desc")
      .attr("id", `${this.id}-desc`)
      .text(
        designName === undefined
          ? desc
          : `${desc} ${tr("chart.descDesign", { design: designName })}`,
      );
    svg
      .append("rect")
      .attr("width", this.width)
      .attr("height", HEIGHT)
      .attr("fill", PALETTE.background);
    const view: ChartView = {
      title,
      bandShort,
      bandLabel,
      points: { f1: this.series("f1"), f2: this.series("f2") },
      observed: this.opts.observed,
      targets: this.opts.targets,
      marker: this.marker,
      onPick: this.opts.onPick,
    };
    for (const part of CHART_PARTS) {
      svg.append("g").attr("data-part", part.name).call(part.draw(f, view));
    }
  }
}
