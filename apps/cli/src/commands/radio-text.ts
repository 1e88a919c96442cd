import type { BenchResult } from "@tracebed/sim";

const pct = (x: number | null) => (x === null ? "—" : `${(100 * x).toFixed(1)}%`);

interface RadioDoc extends BenchResult {
  setupName: string;
  positions: string;
  exposureMinutes: number;
  source: string;
}

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
}

/** The human comparison of the model's rates with the paper's (the --json document says all). */
export function formatRadioBench(d: RadioDoc): string {
  const paper = d.comparison?.published ?? null;
  const widths = [30, 8, 8];
  const lines = [
    `${d.setupName} (${d.setup}), rule ${d.rule} — ${d.ruleSummary}, M = ${d.minutes} min`,
    `${d.positions}; ${d.exposureMinutes} min exposure; ${d.pairs} pairs × ${d.replicates} replays, seed ${d.seed}`,
    "",
    row(["share of pairs notified", "model", "paper"], widths),
    row(
      [
        "true positives (pairs ≤ 2 m)",
        pct(d.truePositiveRate),
        paper ? pct(paper.truePositiveRate) : "—",
      ],
      widths,
    ),
    row(
      [
        "false positives (pairs > 2 m)",
        pct(d.falsePositiveRate),
        paper ? pct(paper.falsePositiveRate) : "—",
      ],
      widths,
    ),
    "",
    row(["by distance", "pairs", "notified"], widths),
    ...d.byDistance.map((b) => row([b.band, String(b.pairs), pct(b.notifiedRate)], widths)),
    "",
    d.comparison === null
      ? `the paper (${d.source}) publishes no figure for this rule at ${d.minutes} min`
      : `paper: ${d.source}; within ±${(100 * d.comparison.tolerance).toFixed(0)} points: ${d.comparison.withinTolerance ? "yes" : "no"}`,
  ];
  return `${lines.join("\n")}\n`;
}
