import type { Summary } from "./stats.js";
import type { CountsSummary, SweepPoint } from "./sweep.js";

/**
 * The sweep as CSV, written by `tracebed sweep --csv` and the viewer's "CSV" button alike: a
 * row per point (per point and region or group with `by`), its summaries (mean, 95% interval
 * bounds `…_ci95_low`/`…_ci95_high`, 5th/95th percentiles), a² and a³, then the run's
 * settings (scenario, mode, agents, seeds, first seed) and whether the point's runs saturated
 * their sample (saturation.ts), so a table pasted into a report carries the warning.
 */

const STATS = ["mean", "ci95_low", "ci95_high", "p5", "p95"] as const;
const COUNTS = ["recall", "detected", "true", "falsePositives", "beyondManual"] as const;
const stat = (s: Summary) => [s.mean, s.ci95[0], s.ci95[1], s.p5, s.p95];
const columns = (prefix: string) => STATS.map((x) => `${prefix}_${x}`);
const counts = (c: CountsSummary) => COUNTS.flatMap((k) => stat(c[k]));
const countColumns = (prefix: string) => COUNTS.flatMap((k) => columns(`${prefix}_${k}`));

export interface CsvMeta {
  scenario: string;
  /** How the sweep chose adoption: the CLI's "adoption"/"target", the page's "uniform"/"policy". */
  mode: string;
  agents: number;
  seeds: number;
  seed: number;
  /** A point's saturation (mean share; saturated or not); by default the point's own. */
  saturation?: (value: number) => { share: number; saturated: boolean } | undefined;
  /** A row per region or group of each point (the sweep must have been run with `by`). */
  by?: "region" | "group";
}

const SETTINGS = [
  "scenario",
  "mode",
  "agents",
  "seeds",
  "first_seed",
  "saturation_share_mean",
  "saturated",
] as const;

/** The columns, with the region or group column after `value` when rows are broken down. */
export function sweepCsvHeader(by?: "region" | "group"): string[] {
  return [
    "value",
    ...(by ? [by] : []),
    ...columns("adoption"),
    ...countColumns("f1"),
    ...countColumns("f2"),
    ...columns("beyond_manual_per_f0"),
    ...columns("per_f0_f1_true"),
    ...columns("per_f0_f1_recall"),
    ...columns("per_f0_f2_true"),
    ...columns("per_f0_f2_recall"),
    "a2",
    "a3",
    ...SETTINGS,
  ];
}

export const SWEEP_CSV_HEADER: readonly string[] = sweepCsvHeader();

/** One CSV cell: numbers to six significant digits (empty if not finite), text quoted if needed. */
export function csvCell(x: unknown): string {
  if (typeof x === "number") return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : "";
  const s = String(x ?? "");
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function sweepCsv(points: readonly SweepPoint[], meta: CsvMeta): string {
  const rows: unknown[][] = [];
  for (const p of [...points].sort((a, b) => a.value - b.value)) {
    const sat = meta.saturation ? meta.saturation(p.value) : p.saturation;
    const tail = [
      ...stat(p.beyondManualPerF0),
      ...stat(p.perF0.f1True),
      ...stat(p.perF0.f1Recall),
      ...stat(p.perF0.f2True),
      ...stat(p.perF0.f2Recall),
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
    if (!meta.by) {
      rows.push([p.value, ...stat(p.adoption), ...counts(p.f1), ...counts(p.f2), ...tail]);
      continue;
    }
    const parts =
      meta.by === "region"
        ? (p.byRegion ?? []).map((r) => [r.region, r] as const)
        : (p.byGroup ?? []).map((g) => [g.group, g] as const);
    for (const [name, part] of parts) {
      rows.push([
        p.value,
        name,
        ...stat(p.adoption),
        ...counts(part.f1),
        ...counts(part.f2),
        ...tail,
      ]);
    }
  }
  const header = sweepCsvHeader(meta.by);
  return `${[header, ...rows].map((r) => r.map(csvCell).join(",")).join("\n")}\n`;
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
