import { describe, expect, it } from "vitest";
import { buildReport, type K6SummaryData, reportText, summaryOutputs } from "../lib/summary.ts";

const data: K6SummaryData = {
  state: { testRunDurationMs: 12_345 },
  metrics: {
    notify_latency_ms: {
      type: "trend",
      contains: "time",
      values: { avg: 120.123, "p(95)": 480.5, med: 100 },
      thresholds: { "p(95)<2000": { ok: true } },
    },
    http_req_failed: {
      type: "rate",
      values: { rate: 0.02, passes: 2, fails: 98 },
      thresholds: { "rate<0.01": { ok: false } },
    },
    vus: { type: "gauge", values: { value: 10 } },
  },
};

describe("handleSummary's report", () => {
  it("lists every threshold and the named metrics, rounded", () => {
    const r = buildReport("outbreak", data, ["notify_latency_ms", "http_req_failed", "missing"]);
    expect(r.seconds).toBe(12.35);
    expect(r.ok).toBe(false);
    expect(r.thresholds).toEqual([
      { metric: "notify_latency_ms", rule: "p(95)<2000", ok: true },
      { metric: "http_req_failed", rule: "rate<0.01", ok: false },
    ]);
    expect(r.metrics.notify_latency_ms).toEqual({ avg: 120.12, "p(95)": 480.5, med: 100 });
    expect(r.metrics).not.toHaveProperty("missing");
    expect(reportText(r)).toContain("FAIL http_req_failed: rate<0.01");
  });

  it("writes the text to stdout and the JSON beside", () => {
    const out = summaryOutputs("soak", data, ["vus"], "/tmp/k6/");
    expect(Object.keys(out).sort()).toEqual(["/tmp/k6/soak-summary.json", "stdout"]);
    expect(JSON.parse(out["/tmp/k6/soak-summary.json"]!)).toMatchObject({
      script: "soak",
      ok: false,
    });
  });
});
