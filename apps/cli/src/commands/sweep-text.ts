import type { CountsSummary, Summary, SweepPoint } from "@tracebed/sim";

/**
 * The human-readable sweep: a row per point, then with --by a table per point of its regions
 * or groups, and when the sweep has two ends, how many more people the app finds from the
 * first point to the last in each region or group. Every figure is a mean over the seeds.
 */

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : "—");
const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "—");
const interval = (s: Summary) =>
  `${pct(s.mean).padStart(6)} [${pct(s.ci95[0])}, ${pct(s.ci95[1])}]`;
const signed = (x: number) => `${x >= 0 ? "+" : "−"}${int(Math.abs(x))}`;

export function pointsTable(points: readonly SweepPoint[], mode: "adoption" | "target"): string {
  const lines = [
    `${(mode === "adoption" ? "uniform" : "target").padEnd(8)} adoption  F1 recall per F0 [95% CI] F2 recall per F0 [95% CI] a²      a³      beyond manual per app-using F0`,
  ];
  for (const p of points) {
    lines.push(
      `${p.value.toFixed(3).padEnd(8)} ${pct(p.adoption.mean).padStart(8)}  ${interval(p.perF0.f1Recall).padEnd(26)}${interval(p.perF0.f2Recall).padEnd(26)}${pct(p.reference.a2).padEnd(8)}${pct(p.reference.a3).padEnd(8)}${p.beyondManualPerF0.mean.toFixed(2)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

interface Part {
  name: string;
  f1: CountsSummary;
  f2: CountsSummary;
}

function partsOf(
  p: SweepPoint,
  by: "region" | "group",
  names: ReadonlyMap<string, string>,
): Part[] {
  const list =
    by === "region"
      ? (p.byRegion ?? []).map((r) => ({ id: r.region, f1: r.f1, f2: r.f2 }))
      : (p.byGroup ?? []).map((g) => ({ id: g.group, f1: g.f1, f2: g.f2 }));
  return list.map((x) => ({ name: names.get(x.id) ?? x.id, f1: x.f1, f2: x.f2 }));
}

/** Per point, its regions or groups: true contacts, those the app found, recall. */
export function partsTable(
  points: readonly SweepPoint[],
  by: "region" | "group",
  names: ReadonlyMap<string, string>,
  seeds: number,
): string {
  const width = Math.max(
    by.length,
    ...points.flatMap((p) => partsOf(p, by, names).map((x) => x.name.length)),
  );
  const out = [
    `By ${by}: the true F1 and F2 who belong to each ${by}, those of them the app found (notified and truly in contact), recall [95% CI]; means over ${seeds} seed${seeds === 1 ? "" : "s"}`,
  ];
  for (const p of points) {
    out.push(
      "",
      `at ${p.value} (adoption ${pct(p.adoption.mean)} of the population)`,
      `${by.padEnd(width)}  ${"F1 true".padStart(9)} ${"found".padStart(9)}  F1 recall [95% CI]        ${"F2 true".padStart(9)} ${"found".padStart(9)}  F2 recall [95% CI]`,
    );
    for (const x of partsOf(p, by, names)) {
      out.push(
        `${x.name.padEnd(width)}  ${int(x.f1.true.mean).padStart(9)} ${int(x.f1.detected.mean).padStart(9)}  ${interval(x.f1.recall).padEnd(26)}${int(x.f2.true.mean).padStart(9)} ${int(x.f2.detected.mean).padStart(9)}  ${interval(x.f2.recall)}`,
      );
    }
  }
  return `${out.join("\n")}\n`;
}

/**
 * From the sweep's first point to its last, in each region or group: the people the app
 * found, from → to, and the change in people (empty with fewer than two points).
 */
export function deltasTable(
  points: readonly SweepPoint[],
  by: "region" | "group",
  names: ReadonlyMap<string, string>,
): string {
  if (points.length < 2) return "";
  const from = points[0]!;
  const to = points[points.length - 1]!;
  const a = partsOf(from, by, names);
  const b = new Map(partsOf(to, by, names).map((x) => [x.name, x]));
  const width = Math.max(by.length, ...a.map((x) => x.name.length));
  const cell = (x: number, y: number) => `${int(x)} → ${int(y)} (${signed(y - x)})`.padEnd(28);
  const out = [
    `From ${from.value} to ${to.value} (adoption ${pct(from.adoption.mean)} → ${pct(to.adoption.mean)}): people the app found, mean over seeds, and the change in people`,
    `${by.padEnd(width)}  ${"F1 found".padEnd(28)}F2 found`,
  ];
  for (const x of a) {
    const y = b.get(x.name);
    if (!y) continue;
    out.push(
      `${x.name.padEnd(width)}  ${cell(x.f1.detected.mean, y.f1.detected.mean)}${cell(x.f2.detected.mean, y.f2.detected.mean).trimEnd()}`,
    );
  }
  return `${out.join("\n")}\n`;
}
