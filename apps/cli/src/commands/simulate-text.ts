import type { OverF0, PerF0, SimResult, TracingMetrics } from "@tracebed/sim";

const pct = (x: number | null) => (x === null ? "—" : `${(100 * x).toFixed(1)}%`);
const int = (x: number) => x.toLocaleString("en-US");

const num = (x: number | null, d = 1) => (x === null ? "—" : x.toFixed(d));

/** "mean [CI lo–hi] (5th–95th pct lo–hi)" of a per-F0 figure. */
function overF0(o: OverF0, f: (x: number | null) => string): string {
  if (o.mean === null) return "—";
  return `${f(o.mean)} [95% CI ${f(o.ci95![0])}–${f(o.ci95![1])}]`;
}

function perF0Lines(p: PerF0): string[] {
  const step = (label: string, s: PerF0["f1"]) =>
    `  ${label}  true ${overF0(s.true, num)}  found by the app ${overF0(s.app, num)}  listed by tracers ${overF0(s.manual, num)}  app recall ${overF0(s.recall, pct)} (over ${s.recall.n} F0)`;
  return [
    "per F0 (each F0's own chain; mean [bootstrap 95% CI] over F0):",
    step("F1", p.f1),
    step("F2", p.f2),
    `  found by the app beyond manual tracing, per app-using F0: ${overF0(p.beyondManual, num)} (over ${p.beyondManual.n} F0; the Ministry's figure: 82 from 17, 4.8)`,
  ];
}

function tracingLine(label: string, m: TracingMetrics): string {
  return `${label} (pooled over all F0)  true ${int(m.true)}  app-notified ${int(m.detected)} (recall ${pct(m.recall)})  false alarms ${int(m.falsePositives)}  beyond manual tracing ${int(m.beyondManual)}`;
}

interface SimulationDoc {
  design?: string;
  seed: SimResult["seed"];
  agents: number;
  days: number;
  adoption: SimResult["adoption"];
  contactsPerAgentPerDay: Record<string, number>;
  f0: number;
  f1: TracingMetrics;
  f2: TracingMetrics;
  perF0: PerF0;
  perf: { seconds: number; contactPairsPerSecond: number };
}

/** The human-readable summary of a run (the --json document says everything). */
export function formatSimulation(name: string, d: SimulationDoc): string {
  const a = d.adoption.realised;
  const i = d.adoption.installs;
  const contacts = Object.entries(d.contactsPerAgentPerDay)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(", ");
  const beyond = d.f1.beyondManual + d.f2.beyondManual;
  return `${[
    `${name}: ${int(d.agents)} agents, ${d.days} days, seed ${d.seed}`,
    `installs  ${pct(i.population)} of population, ${pct(i.adults)} of adults, ${pct(i.smartphoneUsers)} of smartphone users`,
    `active apps  ${pct(a.population)} of population, ${pct(a.adults)} of adults, ${pct(a.smartphoneUsers)} of smartphone users (running, Bluetooth on: ${pct(d.adoption.activeOfInstalls.all)} of installs)`,
    `contact events per agent per day  ${contacts}`,
    ...(d.design !== undefined
      ? [`design ${d.design}: the app-found F1/F2 below are what its rule finds`]
      : []),
    `F0 ${d.f0}`,
    tracingLine("F1", d.f1),
    tracingLine("F2", d.f2),
    `found beyond manual tracing (pooled): ${int(beyond)} F1+F2 from ${d.f0} F0`,
    ...perF0Lines(d.perF0),
    `${d.perf.seconds.toFixed(1)} s, ${(d.perf.contactPairsPerSecond / 1e6).toFixed(1)}M contact pairs/s`,
  ].join("\n")}\n`;
}
