#!/usr/bin/env node
// How much a sample saturates, by sample size and F0 count: runs the built CLI
// (`tracebed simulate … --json`, seeds 1…N) and judges each run with the viewer's own rule
// (@tracebed/viewer saturationOf), so the table in packages/viewer/README.md and the page's
// warning agree. A measuring script, not a test; the CPU may be shared, the numbers are not
// timings, so that does not matter here.
//
//   node scripts/saturation.mjs --agents 20000,200000,all --f0 4,17 --seeds 8
//
// "all" simulates the whole scenario: its F2 per F1 is the reference the shortfall is
// measured against (include it, or pass --reference R).
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseArgs, promisify } from "node:util";
import { configFromScenario, parseScenario } from "@tracebed/sim";
import { LIMITS, saturationOf } from "@tracebed/viewer";

const run = promisify(execFile);
const ROOT = new URL("../", import.meta.url);
const CLI = new URL("apps/cli/dist/bin.js", ROOT).pathname;

const { values } = parseArgs({
  options: {
    scenario: { type: "string", default: "hung-yen-2020-08-18" },
    agents: { type: "string", default: "20000,50000,100000,200000,all" },
    f0: { type: "string", default: "17" },
    seeds: { type: "string", default: "8" },
    adoption: { type: "string", default: "0.6" },
    reference: { type: "string" },
  },
});
const id = values.scenario;
const scenario = parseScenario(
  JSON.parse(readFileSync(new URL(`scenarios/${id}.json`, ROOT), "utf8")),
  id,
);
const population = scenario.regions.reduce((a, r) => a + r.population, 0);
const list = (s) => s.split(",").map((x) => x.trim());
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function simulate(agents, f0, seed) {
  const args = [CLI, "simulate", id, "--adoption", values.adoption, "--f0", String(f0)];
  args.push("--ble", "ideal", "--seed", String(seed), "--json");
  if (agents !== "all") args.push("--agents", agents);
  const { stdout } = await run(process.execPath, args, { maxBuffer: 64 << 20 });
  return JSON.parse(stdout);
}

const rows = [];
for (const f0 of list(values.f0).map(Number)) {
  for (const agents of list(values.agents)) {
    const n = agents === "all" ? population : Number(agents);
    const sample = configFromScenario(scenario, { agents: n }).regions;
    const regions = scenario.regions.map((r, i) => ({
      id: r.id,
      agents: sample[i].agents,
      population: r.population,
    }));
    const runs = [];
    for (let seed = 1; seed <= Number(values.seeds); seed++) {
      const r = await simulate(agents, f0, seed);
      const s = saturationOf(
        { regions, f0: r.f0, f1: r.f1.byRegion, f2: r.f2.byRegion },
        LIMITS.agents.max,
      );
      runs.push({ r, s });
      process.stderr.write(".");
    }
    rows.push({
      agents: n,
      f0,
      f1: mean(runs.map((x) => x.r.f1.true)),
      f2: mean(runs.map((x) => x.r.f2.true)),
      f2Share: mean(runs.map((x) => x.s.f2Share)),
      share: mean(runs.map((x) => x.s.share)),
      shareMin: Math.min(...runs.map((x) => x.s.share)),
      shareMax: Math.max(...runs.map((x) => x.s.share)),
      f2PerF1: mean(runs.map((x) => x.r.f2.true / Math.max(1, x.r.f1.true))),
      saturated: runs.filter((x) => x.s.saturated).length,
      suggested: Math.max(...runs.map((x) => x.s.suggestedAgents)),
      runs: runs.length,
    });
  }
}
process.stderr.write("\n");

// The shortfall is measured against the whole population with the same F0 (or --reference).
const referenceOf = (f0) => {
  if (values.reference) return Number(values.reference);
  const whole = rows.find((r) => r.agents === population && r.f0 === f0);
  return whole ? whole.f2PerF1 : Number.NaN;
};
const pct = (x) => `${(100 * x).toFixed(1)}%`;
console.log(
  `${id}, adoption ${values.adoption}, ideal BLE, seeds 1–${values.seeds}; crowding = (F1 + F2) / people of their region, averaged over the F2`,
);
console.log(
  "\n| agents | F0 | true F1 | true F2 | F2 / agents | crowding (min–max) | F2 per F1 | F2 short by | runs warned | largest suggestion |",
);
console.log("| --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |");
for (const r of rows) {
  console.log(
    `| ${r.agents.toLocaleString("en")} | ${r.f0} | ${Math.round(r.f1)} | ${Math.round(r.f2).toLocaleString("en")} | ${pct(r.f2Share)} | ${pct(r.share)} (${pct(r.shareMin)}–${pct(r.shareMax)}) | ${r.f2PerF1.toFixed(1)} | ${pct(1 - r.f2PerF1 / referenceOf(r.f0))} | ${r.saturated}/${r.runs} | ${r.saturated > 0 ? r.suggested.toLocaleString("en") : "–"} |`,
  );
}
