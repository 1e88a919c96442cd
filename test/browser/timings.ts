/// <reference lib="dom" />
/**
 * How long the built viewer takes, in headless Chromium, to show its first sweep point, its
 * first whole curve (one run at every grid point), the full sweep and the run at the slider,
 * for several sample sizes and F0 counts. A measuring script, not a test: it prints a table
 * (and writes test-artifacts/viewer-timings-by-size.json). The CPU may be shared: repeat.
 *
 *   npm run timings -w @tracebed/e2e -- --agents 20000,50000,100000 --f0 17 --repeat 2
 *
 * Options: --agents N,N… --f0 N,N… --seeds N (runs per point, the page's default if absent)
 * --repeat N --timeout S (per page) --query "k=v&…" (more settings for every page).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ARTIFACTS, assertBuilt, launchChromium, startDemo } from "./harness.js";

interface Marks {
  firstPoint?: number;
  firstCurve?: number;
  done?: number;
  runShown?: number;
  total?: number;
}

interface Row {
  agents: number;
  f0: number;
  repeat: number;
  workers: number;
  runs: number;
  firstPointS: number;
  firstCurveS: number;
  sweepS: number;
  runAtSliderS: number;
  /** The Worker's own time for the run at the slider. */
  runWorkerS: number;
}

const { values } = parseArgs({
  options: {
    agents: { type: "string", default: "20000,50000,100000,200000" },
    f0: { type: "string", default: "17" },
    seeds: { type: "string" },
    repeat: { type: "string", default: "1" },
    timeout: { type: "string", default: "900" },
    query: { type: "string", default: "" },
  },
});
const list = (s: string) => s.split(",").map((x) => Number(x.trim()));

/**
 * Runs in the page before its own scripts: notes, on the page's clock, when the status line
 * first reports a finished run, runs enough for a whole curve, the end of the sweep, and the
 * slider's run on the cards. Polling every 25 ms keeps it independent of the app's code.
 */
function installMarks(): void {
  const w = window as unknown as { __marks: Marks };
  const marks: Marks = {};
  w.__marks = marks;
  const timer = setInterval(() => {
    const status = document.querySelector<HTMLElement>("#sweep-status");
    const now = performance.now();
    const done = Number(status?.dataset.done ?? 0);
    const total = Number(status?.dataset.total ?? 0);
    const gridPoints = document.querySelectorAll('#chart [data-series="f1"][data-adoption]').length;
    if (marks.firstPoint === undefined && done >= 1) marks.firstPoint = now;
    if (marks.firstCurve === undefined && gridPoints >= 15) marks.firstCurve = now;
    if (
      marks.runShown === undefined &&
      (document.querySelector("#f1-share")?.textContent ?? "–") !== "–"
    )
      marks.runShown = now;
    if (marks.done === undefined && status?.dataset.finished === "true") {
      marks.done = now;
      marks.total = total;
    }
    if (marks.done !== undefined && marks.runShown !== undefined) clearInterval(timer);
  }, 25);
}

assertBuilt();
const [demo, browser] = await Promise.all([startDemo(), launchChromium()]);
const rows: Row[] = [];
try {
  for (let repeat = 1; repeat <= Number(values.repeat); repeat++) {
    for (const f0 of list(values.f0)) {
      for (const agents of list(values.agents)) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        await page.addInitScript(installMarks);
        const q = new URLSearchParams(values.query);
        q.set("agents", String(agents));
        q.set("f0", String(f0));
        if (values.seeds) q.set("seeds", values.seeds);
        await page.goto(`${demo.url}?${q}`);
        await page.waitForFunction(
          () => {
            const m = (window as unknown as { __marks: Marks }).__marks;
            return m.done !== undefined && m.runShown !== undefined;
          },
          null,
          { timeout: Number(values.timeout) * 1000, polling: 250 },
        );
        const r = await page.evaluate(() => ({
          marks: (window as unknown as { __marks: Marks }).__marks,
          runMs: Number(document.body.dataset.runMs),
          workers: Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)),
        }));
        const s = (ms: number | undefined) => Math.round(ms ?? Number.NaN) / 1000;
        const row: Row = {
          agents,
          f0,
          repeat,
          workers: r.workers,
          runs: r.marks.total ?? 0,
          firstPointS: s(r.marks.firstPoint),
          firstCurveS: s(r.marks.firstCurve),
          sweepS: s(r.marks.done),
          runAtSliderS: s(r.marks.runShown),
          runWorkerS: s(r.runMs),
        };
        rows.push(row);
        console.log(JSON.stringify(row));
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await demo.stop();
}

console.log(
  "\n| agents | F0 | sweep workers | runs | first point s | first curve s | full sweep s | slider run shown s |",
);
console.log("| --: | --: | --: | --: | --: | --: | --: | --: |");
for (const r of rows) {
  console.log(
    `| ${r.agents} | ${r.f0} | ${r.workers} | ${r.runs} | ${r.firstPointS} | ${r.firstCurveS} | ${r.sweepS} | ${r.runAtSliderS} |`,
  );
}
mkdirSync(ARTIFACTS, { recursive: true });
writeFileSync(`${ARTIFACTS}viewer-timings-by-size.json`, `${JSON.stringify(rows, null, 2)}\n`);
