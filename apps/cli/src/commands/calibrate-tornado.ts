/** One bar of the tornado chart: the figure with a parameter at its low and high values. */
export interface TornadoRow {
  parameter: string;
  low: number;
  high: number;
  atLow: number;
  atHigh: number;
}

export interface TornadoInput {
  title: string;
  /** What the x axis counts. */
  axisLabel: string;
  base: number;
  /** The published figure to mark (the Ministry's 4.8). */
  reference: { value: number; label: string };
  rows: readonly TornadoRow[];
}

const WIDTH = 820;
const LEFT = 270;
/** Parameter names sit at the left edge; the low end's value fits between them and the bars. */
const NAME_X = 10;
const RIGHT = 40;
const TOP = 72;
const ROW = 30;
const BOTTOM = 56;

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const num = (x: number) => (Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

/** "Nice" ticks over [lo, hi]: steps of 1, 2 or 5 × 10^k, about six of them. */
function ticks(lo: number, hi: number): number[] {
  const span = hi - lo || 1;
  const raw = span / 6;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) out.push(+t.toFixed(10));
  return out;
}

/**
 * A tornado chart as an SVG document: one bar per parameter from the figure at its low value
 * to the figure at its high value, widest swing on top, the base figure as a solid line and
 * the reference figure as a dashed one. Pure: same input, same text.
 */
export function tornadoSvg(input: TornadoInput): string {
  const rows = [...input.rows].sort(
    (a, b) => Math.abs(b.atHigh - b.atLow) - Math.abs(a.atHigh - a.atLow),
  );
  const values = [input.base, input.reference.value, ...rows.flatMap((r) => [r.atLow, r.atHigh])];
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values) * 1.08 || 1;
  const x = (v: number) => LEFT + ((v - lo) / (hi - lo)) * (WIDTH - LEFT - RIGHT);
  const height = TOP + rows.length * ROW + BOTTOM;
  const axisY = TOP + rows.length * ROW + 6;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${esc(input.title)}</title>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${NAME_X}" y="20" font-size="14" font-weight="bold">${esc(input.title)}</text>`,
  ];
  rows.forEach((r, i) => {
    const y = TOP + i * ROW;
    const a = Math.min(r.atLow, r.atHigh);
    const b = Math.max(r.atLow, r.atHigh);
    const w = Math.max(1, x(b) - x(a));
    // Each end is labelled "parameter value: figure".
    parts.push(
      `<text x="${NAME_X}" y="${y + 18}">${esc(r.parameter)}</text>`,
      `<rect class="bar" data-parameter="${esc(r.parameter)}" x="${x(a).toFixed(1)}" y="${y + 5}" width="${w.toFixed(1)}" height="${ROW - 10}" fill="#7aa6c2"/>`,
      `<text x="${(x(r.atLow) + (r.atLow <= r.atHigh ? -4 : 4)).toFixed(1)}" y="${y + 18}" text-anchor="${r.atLow <= r.atHigh ? "end" : "start"}" font-size="10">${esc(`${num(r.low)}: ${num(r.atLow)}`)}</text>`,
      `<text x="${(x(r.atHigh) + (r.atHigh >= r.atLow ? 4 : -4)).toFixed(1)}" y="${y + 18}" text-anchor="${r.atHigh >= r.atLow ? "start" : "end"}" font-size="10">${esc(`${num(r.high)}: ${num(r.atHigh)}`)}</text>`,
    );
  });
  parts.push(
    `<line x1="${LEFT}" y1="${axisY}" x2="${WIDTH - RIGHT}" y2="${axisY}" stroke="#333"/>`,
  );
  for (const t of ticks(lo, hi)) {
    parts.push(
      `<line x1="${x(t).toFixed(1)}" y1="${axisY}" x2="${x(t).toFixed(1)}" y2="${axisY + 5}" stroke="#333"/>`,
      `<text x="${x(t).toFixed(1)}" y="${axisY + 18}" text-anchor="middle" font-size="10">${num(t)}</text>`,
    );
  }
  parts.push(
    `<text x="${((LEFT + WIDTH - RIGHT) / 2).toFixed(1)}" y="${axisY + 38}" text-anchor="middle">${esc(input.axisLabel)}</text>`,
    `<line class="base" x1="${x(input.base).toFixed(1)}" y1="${TOP - 6}" x2="${x(input.base).toFixed(1)}" y2="${axisY}" stroke="#222" stroke-width="2"/>`,
    `<text x="${x(input.base).toFixed(1)}" y="${TOP - 10}" text-anchor="middle" font-size="11">${esc(`model ${num(input.base)}`)}</text>`,
    `<line class="reference" x1="${x(input.reference.value).toFixed(1)}" y1="${TOP - 6}" x2="${x(input.reference.value).toFixed(1)}" y2="${axisY}" stroke="#c0392b" stroke-width="2" stroke-dasharray="6 4"/>`,
    `<text x="${x(input.reference.value).toFixed(1)}" y="${TOP - 26}" text-anchor="middle" font-size="11" fill="#c0392b">${esc(input.reference.label)}</text>`,
    "</svg>",
  );
  return `${parts.join("\n")}\n`;
}
