import type { CountsLike, SummaryLike, SweepPointLike } from "./sweep-data.js";

/**
 * The sweep as CSV, with the same leading columns as `tracebed sweep --csv` (so the two can be
 * compared line by line), then the run's settings: scenario, mode, agents, seeds, first seed,
 * and whether the point's runs saturated their sample (saturation.ts), so a table pasted into
 * a report carries the warning the page shows.
 */

const STATS = ["mean", "ci95_low", "ci95_high", "p5", "p95"] as const;
const COUNTS = ["recall", "detected", "true", "falsePositives", "beyondManual"] as const;
const stat = (s: SummaryLike) => [s.mean, s.ci95[0], s.ci95[1], s.p5, s.p95];
const columns = (prefix: string) => STATS.map((x) => `${prefix}_${x}`);
const counts = (c: CountsLike) => COUNTS.flatMap((k) => stat(c[k]));
const countColumns = (prefix: string) => COUNTS.flatMap((k) => columns(`${prefix}_${k}`));

export interface CsvMeta {
  scenario: string;
  mode: "uniform" | "policy";
  agents: number;
  seeds: number;
  seed: number;
  /** A point's saturation, from its runs (mean share; saturated or not); cells empty without. */
  saturation?: (value: number) => { share: number; saturated: boolean } | undefined;
}

export const SWEEP_CSV_HEADER: readonly string[] = [
  "value",
  ...columns("adoption"),
  ...countColumns("f1"),
  ...countColumns("f2"),
  ...columns("beyond_manual_per_f0"),
  "a2",
  "a3",
  "scenario",
  "mode",
  "agents",
  "seeds",
  "first_seed",
  "saturation_share_mean",
  "saturated",
];

/** One CSV cell: numbers to six significant digits (empty if not finite), text quoted if needed. */
export function csvCell(x: unknown): string {
  if (typeof x === "number") return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : "";
  const s = String(x ?? "");
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function sweepCsv(points: readonly SweepPointLike[], meta: CsvMeta): string {
  const rows: unknown[][] = [...points]
    .sort((a, b) => a.value - b.value)
    .map((p) => {
      const sat = meta.saturation?.(p.value);
      return [
        p.value,
        ...stat(p.adoption),
        ...counts(p.f1),
        ...counts(p.f2),
        ...stat(p.beyondManualPerF0),
        p.reference.a2,
        p.reference.a3,
        meta.scenario,
        meta.mode,
        meta.agents,
        meta.seeds,
        meta.seed,
        sat?.share,
        sat === undefined ? "" : sat.saturated ? 1 : 0,
      ];
    });
  return `${[SWEEP_CSV_HEADER, ...rows].map((r) => r.map(csvCell).join(",")).join("\n")}\n`;
}

/** RFC 4180 parsing (quoted cells, doubled quotes, CRLF or LF); a trailing newline is allowed. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
