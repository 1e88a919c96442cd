import type { CaseReport } from "./case.js";

/** Every number in a run's figures with its path ("latencyMs.p99"), in the order they come. */
export function figures(x: unknown, path = ""): [string, number][] {
  if (typeof x === "number") return [[path, x]];
  if (x !== null && typeof x === "object") {
    return Object.entries(x).flatMap(([k, v]) => figures(v, path ? `${path}.${k}` : k));
  }
  return [];
}

const fmt = (x: number) =>
  Number.isInteger(x)
    ? x.toLocaleString("en-US")
    : x.toLocaleString("en-US", { maximumSignificantDigits: 4 });

/** A human table per case: each figure's median, and its range when there were several runs. */
export function reportTable(reports: readonly CaseReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`${r.name}: ${r.what} (median of ${r.runs} run${r.runs === 1 ? "" : "s"})`);
    const med = figures(r.median);
    const width = Math.max(6, ...med.map(([p]) => p.length));
    for (const [path, value] of med) {
      const all = r.each.map((e) => figures(e).find(([p]) => p === path)?.[1] ?? Number.NaN);
      const range = r.runs > 1 ? `  (${fmt(Math.min(...all))} – ${fmt(Math.max(...all))})` : "";
      lines.push(`  ${path.padEnd(width)}  ${fmt(value)}${range}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
