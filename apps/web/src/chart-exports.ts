// The sweep's exports: its CSV (the simulator's sweepCsv) and the chart as SVG or PNG, with a
// note under the chart when some of its points come from saturated samples.
import { meanSaturation, sweepCsv } from "@tracebed/sim";
import {
  download,
  fileSlug,
  formatNumber,
  type SweepChart,
  svgPng,
  svgText,
  t,
  type ViewState,
} from "@tracebed/viewer";
import { $ } from "./dom.js";
import { runSaturation, sampleRegions } from "./saturation.js";
import { scenario } from "./scenarios.js";
import type { SweepProgress } from "./sweep-runner.js";

/** What the export buttons read. */
export interface ExportsHost {
  state(): ViewState;
  sweep(): SweepProgress | null;
  readonly chart: SweepChart;
  showError(message: string): void;
}

/** Listens to the three export buttons. */
export function bindExports(host: ExportsHost): void {
  $("#export-csv").addEventListener("click", () => {
    const s = host.state();
    const text = sweepCsv(host.sweep()?.fine ?? [], {
      scenario: s.scenario,
      mode: s.mode,
      agents: s.agents,
      seeds: s.seeds,
      seed: s.seed,
      saturation: pointSaturation(host),
    });
    download(new Blob([text], { type: "text/csv;charset=utf-8" }), `${fileBase(s)}.csv`);
  });
  $("#export-svg").addEventListener("click", () => {
    download(
      new Blob([svgText(host.chart.svg, chartNote(host))], { type: "image/svg+xml" }),
      `${fileBase(host.state())}.svg`,
    );
  });
  $("#export-png").addEventListener("click", () => {
    void svgPng(host.chart.svg, 2, chartNote(host)).then(
      (blob) => download(blob, `${fileBase(host.state())}.png`),
      (err: unknown) => host.showError(String(err)),
    );
  });
}

/** The saturation of the sweep's runs at one point (the CSV's columns, the chart's note). */
function pointSaturation(host: ExportsHost): (value: number) => ReturnType<typeof meanSaturation> {
  const sweep = host.sweep();
  const s = host.state();
  const regions = sampleRegions(scenario(s.scenario), s.agents);
  return (value) =>
    meanSaturation(sweep?.runsAt(value).map((r) => runSaturation(r, regions)) ?? []);
}

/** A line under an exported chart when some of its points come from saturated samples. */
function chartNote(host: ExportsHost): string | undefined {
  const points = host.sweep()?.points ?? [];
  const at = pointSaturation(host);
  const n = points.filter((p) => at(p.value)?.saturated === true).length;
  if (n === 0) return undefined;
  const { lang, f0, agents } = host.state();
  return t(lang, "saturation.chart", {
    n: formatNumber(n, lang),
    total: formatNumber(points.length, lang),
    f0: formatNumber(f0, lang),
    agents: formatNumber(agents, lang),
  });
}

function fileBase(s: ViewState): string {
  // The design is named off the default, so Bluezone's files keep their names.
  const design = s.design === "bluezone" ? "" : `-${s.design}`;
  return fileSlug(
    `tracebed-sweep-${s.scenario}-${s.mode}${design}-seed${s.seed}x${s.seeds}-${s.agents}`,
  );
}
