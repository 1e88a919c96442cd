/*
 * handleSummary's report: the metrics that matter for the matcher, as a short text for the
 * terminal and a compact JSON document for files and CI. Pure (no k6 module).
 */

/** The part of k6's end-of-test data this report reads. */
export interface K6SummaryData {
  state?: { testRunDurationMs?: number };
  metrics: Record<
    string,
    {
      type: "counter" | "gauge" | "rate" | "trend";
      contains?: string;
      values: Record<string, number>;
      thresholds?: Record<string, { ok: boolean }>;
    }
  >;
}

export interface Report {
  script: string;
  seconds: number;
  /** Every threshold and whether it held. */
  thresholds: { metric: string; rule: string; ok: boolean }[];
  ok: boolean;
  metrics: Record<string, Record<string, number>>;
}

const round = (x: number) => (Number.isInteger(x) ? x : Math.round(x * 100) / 100);

/** The report of a run: the named metrics (if present) and every threshold. */
export function buildReport(script: string, data: K6SummaryData, names: string[]): Report {
  const thresholds: Report["thresholds"] = [];
  for (const [metric, m] of Object.entries(data.metrics)) {
    for (const [rule, t] of Object.entries(m.thresholds ?? {})) {
      thresholds.push({ metric, rule, ok: t.ok });
    }
  }
  const metrics: Report["metrics"] = {};
  for (const name of names) {
    const m = data.metrics[name];
    if (!m) continue;
    metrics[name] = Object.fromEntries(
      Object.entries(m.values).map(([k, v]) => [k, round(v)] as const),
    );
  }
  return {
    script,
    seconds: round((data.state?.testRunDurationMs ?? 0) / 1000),
    thresholds,
    ok: thresholds.every((t) => t.ok),
    metrics,
  };
}

/** A few lines for the terminal. */
export function reportText(r: Report): string {
  const lines = [`${r.script}: ${r.seconds} s, thresholds ${r.ok ? "all held" : "FAILED"}`];
  for (const t of r.thresholds) lines.push(`  ${t.ok ? "ok  " : "FAIL"} ${t.metric}: ${t.rule}`);
  for (const [name, values] of Object.entries(r.metrics)) {
    const shown = Object.entries(values)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ");
    lines.push(`  ${name}: ${shown}`);
  }
  return `${lines.join("\n")}\n`;
}

/** handleSummary's return value: the text on stdout, the JSON in `${dir}/${script}-summary.json`. */
export function summaryOutputs(
  script: string,
  data: K6SummaryData,
  names: string[],
  dir = ".",
): Record<string, string> {
  const r = buildReport(script, data, names);
  return {
    stdout: reportText(r),
    [`${dir.replace(/\/+$/, "")}/${script}-summary.json`]: `${JSON.stringify(r, null, 2)}\n`,
  };
}
