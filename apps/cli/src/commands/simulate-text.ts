import type { SimResult, TracingMetrics } from "@tracebed/sim";

const pct = (x: number | null) => (x === null ? "—" : `${(100 * x).toFixed(1)}%`);
const int = (x: number) => x.toLocaleString("en-US");

function tracingLine(label: string, m: TracingMetrics): string {
  return `${label}  true ${int(m.true)}  app-notified ${int(m.detected)} (recall ${pct(m.recall)})  false alarms ${int(m.falsePositives)}  beyond manual tracing ${int(m.beyondManual)}`;
}

interface SimulationDoc {
  seed: SimResult["seed"];
  agents: number;
  days: number;
  adoption: SimResult["adoption"];
  contactsPerAgentPerDay: Record<string, number>;
  f0: number;
  f1: TracingMetrics;
  f2: TracingMetrics;
  perf: { seconds: number; contactPairsPerSecond: number };
}

/** The human-readable summary of a run (the --json document says everything). */
export function formatSimulation(name: string, d: SimulationDoc): string {
  const a = d.adoption.realised;
  const contacts = Object.entries(d.contactsPerAgentPerDay)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(", ");
  const beyond = d.f1.beyondManual + d.f2.beyondManual;
  return `${[
    `${name}: ${int(d.agents)} agents, ${d.days} days, seed ${d.seed}`,
    `adoption  ${pct(a.population)} of population, ${pct(a.adults)} of adults, ${pct(a.smartphoneUsers)} of smartphone users`,
    `contacts per agent per day  ${contacts}`,
    `F0 ${d.f0}`,
    tracingLine("F1", d.f1),
    tracingLine("F2", d.f2),
    `found beyond manual tracing: ${int(beyond)} F1+F2 from ${d.f0} F0 (${d.f0 > 0 ? (beyond / d.f0).toFixed(1) : "—"} per F0; the seeds' figure: 82 from 17, 4.8)`,
    `${d.perf.seconds.toFixed(1)} s, ${(d.perf.contactPairsPerSecond / 1e6).toFixed(1)}M contact pairs/s`,
  ].join("\n")}\n`;
}
