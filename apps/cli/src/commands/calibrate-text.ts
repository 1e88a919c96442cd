import type { CalibrationResult } from "@tracebed/sim";

const f = (x: number) => x.toFixed(2);
const ci = (c: [number, number]) => `[95% CI ${f(c[0])}–${f(c[1])}]`;

/** The human-readable calibration report (the --json document says everything). */
export function formatCalibration(name: string, r: CalibrationResult, seconds: number): string {
  const b = r.beyondManualPerF0;
  const ratio = b.mean > 0 ? r.ministry / b.mean : Number.POSITIVE_INFINITY;
  const rows = [...r.sensitivity].sort(
    (x, y) => Math.abs(y.atHigh - y.atLow) - Math.abs(x.atHigh - x.atLow),
  );
  const width = Math.max(...rows.map((s) => s.parameter.length), 9);
  const active = r.adoption.activeOfInstalls;
  return `${[
    `${name}: calibration against the conditions of August 2020 (${r.agents.toLocaleString("en-US")} agents, ${r.days} days, seeds ${r.seeds.join(", ")}, realistic BLE)`,
    `installs ${(100 * r.adoption.installs).toFixed(1)}% of the population (national: 15.7M of 97.6M), active apps ${(100 * r.adoption.activeApps).toFixed(1)}% (${active === null ? "—" : `${(100 * active).toFixed(0)}%`} of installs running with Bluetooth on)`,
    "",
    "F1 + F2 found by the app and not by manual tracing, per app-using F0 (true contacts of each F0's own chain; mean over seeds of each run's mean over its app-using F0):",
    `  model     ${f(b.mean)} ${ci(b.ci95)}   by seed ${b.bySeed.map(f).join(", ")}`,
    `  Ministry  ${r.ministry.toFixed(1)}  (82 F1/F2 beyond the manual lists from 17 app-using F0, all of Viet Nam, 13 Aug 2020)`,
    b.mean > 0
      ? `  the Ministry's figure is ${ratio.toFixed(1)}× the model's`
      : "  the model finds none",
    "",
    `NHS COVID-19 app cross-check (not a fit target): F1 notified (true and false) per app-using F0 at ${(100 * r.nhs.uptake).toFixed(0)}% active apps, uniform`,
    `  model  ${f(r.nhs.notifiedPerIndexCase)} ${ci(r.nhs.ci95)}  (true ${f(r.nhs.trueNotifiedPerIndexCase)}, false alarms ${f(r.nhs.falseNotifiedPerIndexCase)})`,
    `  NHS    ${r.nhs.published.toFixed(1)} per index case consenting to tracing (Wymant et al. 2021; ≈ ${(100 * r.nhs.publishedSecondaryAttackRate).toFixed(0)}% of those notified later tested positive)`,
    "  caveats: regular users, not installs; consenting index cases; England and Wales' contacts, GAEN's calibrated attenuation and the NHS rule, not Bluezone's; a 14-day window here",
    "",
    "sensitivity (one at a time; beyond manual per app-using F0, mean over the same seeds):",
    `  ${"parameter".padEnd(width)}  ${"low".padStart(6)} ${"high".padStart(6)}  ${"at low".padStart(7)} ${"at high".padStart(7)}  unit`,
    ...rows.map(
      (s) =>
        `  ${s.parameter.padEnd(width)}  ${f(s.low).padStart(6)} ${f(s.high).padStart(6)}  ${f(s.atLow).padStart(7)} ${f(s.atHigh).padStart(7)}  ${s.unit}`,
    ),
    "",
    `${seconds.toFixed(0)} s`,
  ].join("\n")}\n`;
}
