import { type Command, InvalidArgumentError } from "commander";
import { BENCH_CASE_NAMES, type BenchDocument, runBench } from "../bench/suite.js";
import { SCHEMA_VERSION } from "../document.js";
import { positiveInt } from "../options.js";
import { VERSION } from "../version.js";

interface BenchFlags {
  quick?: boolean;
  json?: boolean;
  runs?: number;
}

const EXAMPLES = `
Measures on this machine, with servers, idle phones and the fleet in separate processes:
  sim             contact pairs/s, agent-days/s, peak bytes per agent (the simulator's cases)
  matcher.memory  one serve process, embedded store (journal fsync'ed)
  matcher.redis   two serve processes on one redis-server (appendfsync always)
                  each: phones held, server bytes per phone, uploads acknowledged/s,
                  F0 confirmed → last F1 notified (p50/p99) while the phones are held
  plan            Viet Nam at 60% adoption, 10,000 F0 a day: processes, machines, Redis,
                  bandwidth, derived from the figures above (an extrapolation)
CASE (sim, memory, redis; all by default) picks cases; the plan and the targets need both
stores. --runs N runs each case N times and reports the median of every figure.
Needs the build (npm run build), redis-server on the PATH, Linux (/proc). The full run takes
about 7 minutes on 2 cores (within 15); --quick takes about 20 seconds.

Examples:
  $ tracebed bench --quick --json
  $ tracebed bench --json > bench.json
  $ tracebed bench redis --runs 3 --json`;

const caseName = (value: string, previous: string[] = []) => {
  if (!(BENCH_CASE_NAMES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`must be one of ${BENCH_CASE_NAMES.join(", ")}`);
  }
  return [...previous, value];
};

/** The human summary: a line per simulator case and per store, the targets, the plan. */
function benchText(doc: BenchDocument): string {
  const stores = [doc.matcher?.memory, doc.matcher?.redis].filter((r) => r !== undefined);
  const rows = stores.map(
    (r) =>
      `${r.store.padEnd(6)}  ${r.processes} process(es)  ${r.connections} phones held  ${r.bytesPerConnection} B/phone  ${r.uploadsPerSecond} uploads/s  F0 → last F1 p50 ${r.latencyMs.notifyP50} ms, p99 ${r.latencyMs.notifyP99} ms (${r.f0} F0, ${r.phones} fleet phones)`,
  );
  const sim = (doc.sim?.cases ?? []).map(
    (c) =>
      `sim     ${c.name}: ${Math.round(c.contactPairsPerSecond).toLocaleString("en-US")} contact pairs/s, ${Math.round(c.agentDaysPerSecond).toLocaleString("en-US")} agent-days/s, ${Math.round(c.peakBytesPerAgent)} B/agent peak`,
  );
  const t = doc.targets;
  const mark = (x: { met: boolean }) => (x.met ? "met" : "NOT met");
  const lines = [...sim, ...rows];
  if (doc.runs !== null) lines.push(`each figure the median of ${doc.runs} runs`);
  if (t) {
    lines.push(
      `targets: memory ≥ 18,000 phones ${mark(t.memoryPhones)}; Redis ≥ 36,000 ${mark(t.redisPhones)}; p99 ≤ 2 s ${mark(t.notifyP99Ms)}; ≤ 32 KiB/phone ${mark(t.bytesPerConnection)}`,
    );
  }
  if (doc.plan) lines.push(`plan (extrapolated): ${doc.plan.connections.machines.arithmetic}`);
  return `${lines.join("\n")}\n`;
}

export function registerBench(program: Command): void {
  program
    .command("bench")
    .description(
      "Benchmark the simulator and the matcher (memory and Redis stores) on this machine; a capacity plan from the measured figures.",
    )
    .argument("[case...]", `cases to run: ${BENCH_CASE_NAMES.join(", ")} (default all)`, caseName)
    .option("--quick", "small sizes: a seconds-long smoke run")
    .option("--runs <n>", "runs per case; every figure the median over them", positiveInt)
    .option("--json", "print one JSON document on stdout")
    .addHelpText("after", EXAMPLES)
    .action(async (cases: string[] | undefined, flags: BenchFlags) => {
      const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
      const doc = await runBench(
        {
          quick: flags.quick === true,
          cases: cases ?? [],
          ...(flags.runs ? { runs: flags.runs } : {}),
        },
        log,
      );
      const full = { schemaVersion: SCHEMA_VERSION, version: VERSION, ...doc };
      process.stdout.write(flags.json ? `${JSON.stringify(full, null, 2)}\n` : benchText(doc));
    });
}
