import {
  area,
  axisBottom,
  axisLeft,
  line,
  pointer,
  type ScaleLinear,
  scaleLinear,
  select,
} from "d3";
import { formatPercent } from "./format.js";
import { type Lang, t } from "./i18n.js";
import { PALETTE } from "./palette.js";
import { interpolate, powerCurve, shareTicks, type XY } from "./scales.js";
import { type ChartPoint, type Series, type SweepPointLike, seriesOf } from "./sweep-data.js";
import { type Band, clampAdoption, type Mode } from "./url-state.js";

/**
 * The sweep chart: F1 and F2 detection (share of the true contacts the app found) against
 * adoption, a mean line and a band per series, the a² and a³ reference lines, the letters'
 * observed range and targets, and the slider's value marked. Plain SVG with presentation
 * attributes (no page CSS), so the exported SVG and PNG look like the screen. Every plotted
 * point is an element with `data-adoption` (its x, a fraction) and `data-series`.
 */

export interface SweepChartOptions {
  lang: Lang;
  band: Band;
  mode: Mode;
  /** Runs per point, for the description. */
  seeds: number;
  /** Shaded x ranges with a label: the letters' observed adoption, their targets. */
  observed?: readonly [number, number];
  targets?: readonly [number, number];
  /** Called with the adoption under the pointer when the chart is clicked or dragged. */
  onPick?: (adoption: number) => void;
}

const W = 640;
const H = 440;
const M = { top: 84, right: 18, bottom: 54, left: 58 };
const FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";

const SERIES_STYLE: Record<Series, { colour: string; shape: "circle" | "square" }> = {
  f1: { colour: PALETTE.f1, shape: "circle" },
  f2: { colour: PALETTE.f2, shape: "square" },
};

let chartCount = 0;

export class SweepChart {
  readonly svg: SVGSVGElement;
  private points: SweepPointLike[] = [];
  private marker: number | undefined;
  private opts: SweepChartOptions;
  private readonly id = `sweep-chart-${++chartCount}`;
  private readonly x: ScaleLinear<number, number>;
  private readonly y: ScaleLinear<number, number>;

  constructor(container: Element, options: SweepChartOptions) {
    this.opts = { ...options };
    this.x = scaleLinear()
      .domain([0, 1])
      .range([M.left, W - M.right]);
    this.y = scaleLinear()
      .domain([0, 1])
      .range([H - M.bottom, M.top]);
    const svg = select(container)
      .append("svg")
      .attr("xmlns", "http://www.w3.org/2000/svg")
      .attr("viewBox", `0 0 ${W} ${H}`)
      .attr("width", "100%")
      .attr("data-testid", "sweep-chart")
      .attr("role", "img")
      .attr("aria-labelledby", `${this.id}-title ${this.id}-desc`)
      .attr("font-family", FONT)
      .style("display", "block")
      .style("max-width", "100%")
      .style("height", "auto");
    this.svg = svg.node()!;
    this.render();
  }

  /** Replaces the plotted sweep (points may arrive a few at a time). */
  setData(points: readonly SweepPointLike[]): void {
    this.points = [...points];
    this.render();
  }

  /** Marks the slider's adoption (undefined: no marker). */
  setMarker(adoption: number | undefined): void {
    if (adoption === this.marker) return;
    this.marker = adoption;
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
    const svg = select(this.svg);
    svg.selectAll("*").remove();
    const { x, y } = this;
    const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) =>
      t(lang, key, params);
    const bandLabel = tr(band === "ci" ? "controls.bandCi" : "controls.bandPct");
    const bandShort = tr(band === "ci" ? "chart.bandCi" : "chart.bandPct");

    svg.append("title").attr("id", `${this.id}-title`).text(tr("chart.title"));
    svg
      .append("desc")
      .attr("id", `${this.id}-desc`)
      .text(tr("chart.desc", { seeds: this.opts.seeds, band: bandLabel }));
    svg.append("rect").attr("width", W).attr("height", H).attr("fill", PALETTE.background);
    svg
      .append("text")
      .attr("x", M.left)
      .attr("y", 24)
      .attr("font-size", 16.5)
      .attr("font-weight", 700)
      .attr("fill", PALETTE.text)
      .text(tr("chart.title"));

    // Shaded ranges from the letters.
    const shade = svg.append("g").attr("class", "annotations");
    const shaded = (range: readonly [number, number] | undefined, fill: string, label: string) => {
      if (!range) return;
      const [a, b] = range;
      shade
        .append("rect")
        .attr("x", x(a))
        .attr("y", M.top)
        .attr("width", Math.max(2, x(b) - x(a)))
        .attr("height", H - M.bottom - M.top)
        .attr("fill", fill);
      shade
        .append("text")
        .attr("x", (x(a) + x(b)) / 2)
        .attr("y", M.top + 16)
        .attr("text-anchor", "middle")
        .attr("font-size", 12)
        .attr("fill", PALETTE.muted)
        .text(label);
    };
    shaded(this.opts.observed, PALETTE.observed, tr("chart.observed"));
    shaded(this.opts.targets, PALETTE.target, tr("chart.targets"));

    // Grid and axes.
    const ticks = shareTicks(1, 0.1);
    const grid = svg.append("g").attr("stroke", PALETTE.grid).attr("stroke-width", 1);
    for (const v of ticks.slice(1)) {
      grid
        .append("line")
        .attr("x1", M.left)
        .attr("x2", W - M.right)
        .attr("y1", y(v))
        .attr("y2", y(v));
    }
    const pct = (v: number) => formatPercent(v, lang, 0);
    const xAxis = svg
      .append("g")
      .attr("transform", `translate(0,${H - M.bottom})`)
      .call(
        axisBottom(x)
          .tickValues(ticks)
          .tickFormat((v) => pct(Number(v))),
      );
    const yAxis = svg
      .append("g")
      .attr("transform", `translate(${M.left},0)`)
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
      .attr("x", (M.left + W - M.right) / 2)
      .attr("y", H - 14)
      .attr("text-anchor", "middle")
      .attr("font-size", 14)
      .attr("fill", PALETTE.text)
      .text(tr("chart.x"));
    svg
      .append("text")
      .attr("transform", `translate(18,${(M.top + H - M.bottom) / 2}) rotate(-90)`)
      .attr("text-anchor", "middle")
      .attr("font-size", 14)
      .attr("fill", PALETTE.text)
      .text(tr("chart.y"));

    // Reference lines a² and a³.
    const refLine = line<XY>()
      .x((d) => x(d.x))
      .y((d) => y(d.y));
    const refs = svg.append("g").attr("class", "reference").attr("fill", "none");
    const refStyle = [
      { power: 2, dash: "7 4" },
      { power: 3, dash: "2 3" },
    ];
    for (const r of refStyle) {
      refs
        .append("path")
        .attr("d", refLine(powerCurve(r.power)))
        .attr("stroke", PALETTE.reference)
        .attr("stroke-width", 1.5)
        .attr("stroke-dasharray", r.dash)
        .attr("data-reference", `a${r.power}`);
    }

    // Bands, lines and points of F1 and F2.
    const bandArea = area<ChartPoint>()
      .x((d) => x(d.x))
      .y0((d) => y(d.lo))
      .y1((d) => y(d.hi));
    const meanLine = line<ChartPoint>()
      .x((d) => x(d.x))
      .y((d) => y(d.mean));
    for (const s of ["f2", "f1"] as const) {
      const pts = this.series(s);
      const style = SERIES_STYLE[s];
      const g = svg.append("g").attr("data-series", s);
      if (pts.length > 1) {
        g.append("path")
          .attr("d", bandArea(pts))
          .attr("fill", style.colour)
          .attr("fill-opacity", 0.18)
          .attr("stroke", "none");
        g.append("path")
          .attr("d", meanLine(pts))
          .attr("fill", "none")
          .attr("stroke", style.colour)
          .attr("stroke-width", 2.5);
      }
      for (const p of pts) {
        const title = tr("chart.point", {
          series: s.toUpperCase(),
          pct: formatPercent(p.x, lang, 1),
          mean: formatPercent(p.mean, lang, 1),
          n: p.n,
          band: bandLabel,
          lo: formatPercent(p.lo, lang, 1),
          hi: formatPercent(p.hi, lang, 1),
        });
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
        el.append("title").text(title);
      }
    }

    if (this.points.length === 0) {
      svg
        .append("text")
        .attr("x", (M.left + W - M.right) / 2)
        .attr("y", (M.top + H - M.bottom) / 2)
        .attr("text-anchor", "middle")
        .attr("font-size", 16)
        .attr("fill", PALETTE.muted)
        .text(tr("chart.empty"));
    }

    // The slider's value.
    if (this.marker !== undefined) {
      const mx = x(this.marker);
      const m = svg.append("g").attr("class", "marker").attr("data-marker", String(this.marker));
      m.append("line")
        .attr("x1", mx)
        .attr("x2", mx)
        .attr("y1", M.top - 4)
        .attr("y2", H - M.bottom)
        .attr("stroke", PALETTE.marker)
        .attr("stroke-width", 1.5);
      const atEnd = this.marker > 0.85;
      m.append("text")
        .attr("x", mx + (atEnd ? -6 : 6))
        .attr("y", M.top + 34)
        .attr("text-anchor", atEnd ? "end" : "start")
        .attr("font-size", 15)
        .attr("font-weight", 700)
        .attr("fill", PALETTE.marker)
        .attr("stroke", PALETTE.background)
        .attr("stroke-width", 4)
        .attr("paint-order", "stroke")
        .text(formatPercent(this.marker, lang));
      const marks = (["f1", "f2"] as const)
        .map((s) => ({ s, v: this.valueAt(s, this.marker!) }))
        .filter((d): d is { s: Series; v: number } => d.v !== undefined)
        .map((d) => ({ ...d, ly: y(d.v) + 5 }));
      spreadLabels(marks, 17, M.top + 48, H - M.bottom - 4);
      for (const { s, v, ly } of marks) {
        const style = SERIES_STYLE[s];
        m.append("circle")
          .attr("cx", mx)
          .attr("cy", y(v))
          .attr("r", 7)
          .attr("fill", "none")
          .attr("stroke", style.colour)
          .attr("stroke-width", 2.5);
        m.append("text")
          .attr("x", mx + (atEnd ? -12 : 12))
          .attr("y", ly)
          .attr("text-anchor", atEnd ? "end" : "start")
          .attr("font-size", 14)
          .attr("font-weight", 700)
          .attr("fill", style.colour)
          .attr("stroke", PALETTE.background)
          .attr("stroke-width", 4)
          .attr("paint-order", "stroke")
          .text(`${s.toUpperCase()} ${formatPercent(v, lang, 0)}`);
      }
    }

    this.legend(svg, tr, bandShort);

    // Click or drag to move the slider.
    if (this.opts.onPick) {
      const pick = this.opts.onPick;
      let dragging = false;
      const at = (event: PointerEvent) => {
        const [px] = pointer(event, this.svg);
        pick(clampAdoption(x.invert(px)));
      };
      svg
        .append("rect")
        .attr("x", M.left)
        .attr("y", M.top)
        .attr("width", W - M.left - M.right)
        .attr("height", H - M.top - M.bottom)
        .attr("fill", "transparent")
        .style("cursor", "ew-resize")
        .on("pointerdown", (event: PointerEvent) => {
          dragging = true;
          (event.target as Element).setPointerCapture?.(event.pointerId);
          at(event);
        })
        .on("pointermove", (event: PointerEvent) => {
          if (dragging) at(event);
        })
        .on("pointerup pointercancel", () => {
          dragging = false;
        });
    }
  }

  private legend(
    svg: ReturnType<typeof select<SVGSVGElement, unknown>>,
    tr: (key: Parameters<typeof t>[1]) => string,
    bandLabel: string,
  ): void {
    const g = svg
      .append("g")
      .attr("class", "legend")
      .attr("font-size", 13)
      .attr("fill", PALETTE.text);
    const row1 = 48;
    const row2 = 69;
    let cx = M.left;
    const item = (rowY: number, draw: (x0: number) => void, label: string, width: number) => {
      draw(cx);
      g.append("text")
        .attr("x", cx + 34)
        .attr("y", rowY + 4)
        .text(label);
      cx += width;
    };
    for (const s of ["f1", "f2"] as const) {
      const style = SERIES_STYLE[s];
      item(
        row1,
        (x0) => {
          g.append("line")
            .attr("x1", x0)
            .attr("x2", x0 + 26)
            .attr("y1", row1)
            .attr("y2", row1)
            .attr("stroke", style.colour)
            .attr("stroke-width", 2.5);
          if (style.shape === "circle")
            g.append("circle")
              .attr("cx", x0 + 13)
              .attr("cy", row1)
              .attr("r", 4.5)
              .attr("fill", style.colour);
          else
            g.append("rect")
              .attr("x", x0 + 9)
              .attr("y", row1 - 4)
              .attr("width", 8)
              .attr("height", 8)
              .attr("fill", style.colour);
        },
        tr(s === "f1" ? "chart.f1" : "chart.f2"),
        240,
      );
    }
    cx = M.left;
    item(
      row2,
      (x0) => {
        g.append("rect")
          .attr("x", x0)
          .attr("y", row2 - 6)
          .attr("width", 26)
          .attr("height", 12)
          .attr("fill", PALETTE.f1)
          .attr("fill-opacity", 0.18);
      },
      bandLabel,
      Math.max(150, 46 + 7.4 * bandLabel.length),
    );
    for (const r of [
      { dash: "7 4", label: tr("chart.a2") },
      { dash: "2 3", label: tr("chart.a3") },
    ]) {
      item(
        row2,
        (x0) => {
          g.append("line")
            .attr("x1", x0)
            .attr("x2", x0 + 26)
            .attr("y1", row2)
            .attr("y2", row2)
            .attr("stroke", PALETTE.reference)
            .attr("stroke-width", 1.5)
            .attr("stroke-dasharray", r.dash);
        },
        r.label,
        Math.max(120, 46 + 7.4 * r.label.length),
      );
    }
  }
}

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
