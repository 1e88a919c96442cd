import { DEV_HA_TOKEN } from "@tracebed/matcher";
import { configFromScenario } from "@tracebed/sim";
import type { Command } from "commander";
import { VIETNAM_ASSUMPTIONS } from "../bench/plan.js";
import { COMPARE_DESIGNS } from "../compare/designs.js";
import { designPlan } from "../compare/plan.js";
import { type DesignResult, runDesign } from "../compare/run-design.js";
import { formatCompare } from "../compare/text.js";
import { documentHeader, printJson } from "../document.js";
import {
  addRunFlags,
  adoptionChoice,
  loadScenario,
  type RunFlags,
  runOptions,
} from "../run-options.js";
import { UsageError } from "../usage-error.js";

interface CompareFlags extends RunFlags {
  designs: string[];
  f0Rate: number;
  json?: boolean;
}

/** The sample compare runs when --agents is not given (every design replays it). */
const DEFAULT_AGENTS = 10_000;

/** What each figure counts: printed under the table and carried in the JSON. */
export const COMPARE_DEFINITIONS = {
  expected:
    "expected: the phones the design's own rule must notify on this outbreak (its oracle); notified: the phones that were",
  recall:
    "recall: notified and true ÷ every true F1 (F2) of the outbreak, app or not (the simulator's truth: ≥ the scenario's close-contact minutes within its distance on one day, causal windows); precision: notified and true ÷ notified",
  latency: "latency: each F1 notification, from its F0's confirmation to the phone notified",
  serverCpu:
    "server CPU: user + system seconds of the server process from the fleet's start to its end",
  bytesOut:
    "bytes out: bytes the server wrote to its clients over TCP (HTTP and websockets, headers included), plus, where the fleet downloads once per process for its phones (gaen's export files), that download's bodies for every other phone; per phone: that ÷ the phones in the run",
  storage:
    "storage: bytes of the design's records as its store serialises them, counted by the server at the end (bluezone: the memory store's snapshot and journal since; gaen: upload records and keys as JSON, and the export files)",
  phoneCrypto:
    "phone crypto: operations each phone did to learn whether it was exposed (the operation is named in the JSON), counted by the server from what it sent or published",
  plan: "national plan: Viet Nam at 60% adoption, 10,000 F0 a day, from the sample's figures per F0 (the run less what the phones cost before the first F0) and per phone; an extrapolation, each line's arithmetic in the JSON",
  privacy:
    "non-index phones known: phones other than a confirmed F0 the operator can tie to at least one contact, counted by the server from its store (GET /v1/operator/counts; registration alone does not count); contact edges known: pairs of phones it can tie together",
};

function designList(text: string): string[] {
  const names = text.split(",").map((s) => s.trim());
  const known = COMPARE_DESIGNS.map((d) => d.name);
  for (const n of names) {
    if (!known.includes(n))
      throw new UsageError(`--designs: unknown design ${n} (known: ${known.join(", ")})`);
  }
  return names;
}

export function registerCompare(program: Command): void {
  const cmd = program
    .command("compare")
    .description(
      "Run one simulated outbreak through each protocol design (real servers, the fleet's phones as each design's) and compare detection, cost and what the server learns.",
    )
    .argument("<scenario>", "scenario name (see scenarios/) or path to a scenario JSON file")
    .option(
      "--designs <LIST>",
      `designs to run, comma-separated (default: ${COMPARE_DESIGNS.map((d) => d.name).join(",")})`,
      designList,
      COMPARE_DESIGNS.map((d) => d.name),
    )
    .option("--f0-rate <R>", "F0 confirmed per second", Number, 2)
    .option("--json", "print one JSON document on stdout");
  addRunFlags(cmd).action(async (name: string, flags: CompareFlags) => {
    const scenario = loadScenario(name);
    const options = runOptions(flags);
    const config = configFromScenario(scenario, {
      ...options,
      agents: options.agents ?? DEFAULT_AGENTS,
    });
    const log = (line: string) => process.stderr.write(`compare: ${line}\n`);
    const haToken = process.env.TRACEBED_HA_TOKEN ?? DEV_HA_TOKEN;
    const designs: (DesignResult & { plan: ReturnType<typeof designPlan> })[] = [];
    const agents = config.regions.reduce((n, r) => n + r.agents, 0);
    for (const d of COMPARE_DESIGNS.filter((x) => flags.designs.includes(x.name))) {
      log(`${d.name}: starting its server and ${agents.toLocaleString("en")} agents' phones`);
      const r = await runDesign(d, { config, scenario: name, haToken, f0Rate: flags.f0Rate, log });
      log(`${d.name}: done in ${r.seconds.toFixed(0)} s`);
      designs.push({ ...r, plan: designPlan(VIETNAM_ASSUMPTIONS, d, r, config.days) });
    }
    const definitions = Object.values(COMPARE_DEFINITIONS);
    if (flags.json) {
      printJson({
        ...documentHeader(scenario),
        seed: config.seed,
        run: {
          agents,
          days: config.days,
          adoption: adoptionChoice(flags),
          ble: config.ble.mode,
          f0: config.f0.count,
          f0From: config.f0.from,
          f0Rate: flags.f0Rate,
        },
        definitions: COMPARE_DEFINITIONS,
        planAssumptions: VIETNAM_ASSUMPTIONS,
        designs,
      });
    } else process.stdout.write(`${formatCompare(designs, definitions)}\n`);
    if (designs.some((d) => d.errors.length > 0)) process.exitCode = 1;
  });
}
