import type { CountsSummary, Summary, SweepPoint } from "@tracebed/sim";

const STATS = ["mean", "ci95_low", "ci95_high", "p5", "p95"] as const;
const stat = (s: Summary) => [s.mean, s.ci95[0], s.ci95[1], s.p5, s.p95];
const columns = (prefix: string) => STATS.map((x) => `${prefix}_${x}`);
const COUNTS = ["recall", "detected", "true", "falsePositives", "beyondManual"] as const;
const counts = (c: CountsSummary) => COUNTS.flatMap((k) => stat(c[k]));
const countColumns = (prefix: string) => COUNTS.flatMap((k) => columns(`${prefix}_${k}`));

function csvCell(x: unknown): string {
  if (typeof x === "number") return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : "";
  const s = String(x);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The sweep as CSV: a row per point (and per region or group with --by). */
export function sweepCsv(
  points: readonly SweepPoint[],
  by: "region" | "group" | undefined,
): string {
  const header = [
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
  ];
  const rows: unknown[][] = [];
  for (const p of points) {
    const tail = [
      ...stat(p.beyondManualPerF0),
      ...stat(p.perF0.f1True),
      ...stat(p.perF0.f1Recall),
      ...stat(p.perF0.f2True),
      ...stat(p.perF0.f2Recall),
      p.reference.a2,
      p.reference.a3,
    ];
    if (!by) {
      rows.push([p.value, ...stat(p.adoption), ...counts(p.f1), ...counts(p.f2), ...tail]);
      continue;
    }
    const parts =
      by === "region"
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
  return `${[header, ...rows].map((r) => r.map(csvCell).join(",")).join("\n")}\n`;
}
