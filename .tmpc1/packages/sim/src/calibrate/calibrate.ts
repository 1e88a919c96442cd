import type { SimConfig } from "../core/config.js";
import { overF0 } from "../core/oracle/per-f0.js";
import { hash2 } from "../core/rng.js";
import type { SimResult } from "../core/simulate.js";
import { configFromScenario } from "../model/from-scenario.js";
import type { Scenario } from "../scenario/index.js";
import type { JobRunner, SweepJob } from "../sweep/sweep.js";
import { sensitivityParameters } from "./sensitivity.js";

/**
 * The conditions of August 2020 (docs/SOURCES.md, "National figures"): ≈ 15.7 million
 * Bluezone installs (11 Aug 2020, the latest count before the Ministry's report of 13 Aug) of
 * ≈ 97.6 million people.
 */
export const NATIONAL_INSTALLS_2020_08 = {
  installs: 15_700_000,
  population: 97_580_000,
  share: 15_700_000 / 97_580_000,
} as const;

/** The Ministry's report of 13 Aug 2020: 82 F1/F2 beyond the manual lists from 17 F0. */
export const MINISTRY = { f0WithApp: 17, f1f2BeyondManual: 82, perF0: 4.8 } as const;

/**
 * The NHS COVID-19 app, England and Wales, 24 Sep – 31 Dec 2020 (Wymant et al., Nature 594:
 * 408–412, 2021): used regularly by ≈ 28% of the population; ≈ 4.2 exposure notifications per
 * index case consenting to contact tracing; ≈ 6% of those notified later tested positive.
 */
export const NHS = { uptake: 0.28, notifiedPerIndexCase: 4.2, secondaryAttackRate: 0.06 } as const;

export interface CalibrateOptions {
  seeds: number;
  /** Simulate a sample of this many agents (default: everyone). */
  agents?: number;
  /** Confirmed cases using the app (default: the Ministry's 17). */
  f0?: number;
}

export interface SensitivityRow {
  parameter: string;
  unit: string;
  basis: string;
  base: number;
  low: number;
  high: number;
  /** Beyond manual per app-using F0 (mean over seeds) with the parameter at low / high. */
  atLow: number;
  atHigh: number;
}

export interface CalibrationResult {
  seeds: number[];
  agents: number;
  days: number;
  /** Realised installs and active apps, shares of the population, mean over seeds (base runs). */
  adoption: { installs: number; activeApps: number; activeOfInstalls: number | null };
  beyondManualPerF0: {
    mean: number;
    ci95: [number, number];
    bySeed: number[];
    ci95Method: string;
  };
  ministry: number;
  nhs: {
    uptake: number;
    notifiedPerIndexCase: number;
    ci95: [number, number];
    trueNotifiedPerIndexCase: number;
    falseNotifiedPerIndexCase: number;
    published: number;
    publishedSecondaryAttackRate: number;
  };
  sensitivity: SensitivityRow[];
}

/** The base run of one seed: the scenario with August 2020's national installs. */
export function calibrationConfig(
  scenario: Scenario,
  seed: number,
  o: CalibrateOptions,
): SimConfig {
  const config = configFromScenario(scenario, {
    seed,
    ...(o.agents !== undefined ? { agents: o.agents } : {}),
    ble: "realistic",
    f0: o.f0 ?? MINISTRY.f0WithApp,
    f0From: "appUsers",
  });
  // The scenario's install ramp (if any), ending at the national share of installs.
  const adoption =
    config.adoption.mode === "policy"
      ? {
          ...config.adoption,
          denominator: "population" as const,
          byRegion: config.regions.map(() => NATIONAL_INSTALLS_2020_08.share),
        }
      : config.adoption;
  return { ...config, adoption };
}

const meanOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const beyond = (r: SimResult) => r.perF0.beyondManual.mean ?? 0;

/** Mean over seeds and a percentile-bootstrap 95% CI over seeds (inside the values' range). */
function overSeeds(values: readonly number[], seed: number) {
  const s = overF0(values, seed);
  return { mean: s.mean ?? 0, ci95: s.ci95 ?? ([0, 0] as [number, number]) };
}

/**
 * Runs the calibration: base runs, the NHS cross-check (28% active apps, uniform) and each
 * sensitivity parameter at low and high, every one over the same seeds.
 */
export async function calibrate(
  scenario: Scenario,
  o: CalibrateOptions,
  runner: JobRunner,
  onDone?: (done: number, total: number) => void,
): Promise<CalibrationResult> {
  const seeds = Array.from({ length: o.seeds }, (_, i) => i + 1);
  const bases = seeds.map((s) => calibrationConfig(scenario, s, o));
  const params = sensitivityParameters(bases[0]!);
  const groups: SimConfig[][] = [
    bases,
    bases.map((c) => ({ ...c, adoption: { mode: "uniform", share: NHS.uptake } })),
    ...params.flatMap((p) => [
      bases.map((c) => p.apply(c, p.low)),
      bases.map((c) => p.apply(c, p.high)),
    ]),
  ];
  const jobs: SweepJob[] = groups.flatMap((g, gi) =>
    g.map((config, si) => ({ point: gi, seed: seeds[si]!, config })),
  );
  const results = await runner(jobs, (done) => onDone?.(done, jobs.length));
  const byGroup = groups.map((_, gi) => results.slice(gi * seeds.length, (gi + 1) * seeds.length));
  const base = byGroup[0]!;
  const nhs = byGroup[1]!;
  const bySeed = base.map(beyond);
  const headline = overSeeds(bySeed, hash2(0xca11b, 1));
  const notified = nhs.map((r) => r.notifiedPerAppF0.mean ?? 0);
  const nhsSummary = overSeeds(notified, hash2(0xca11b, 2));
  const activeOf = base.map((r) => r.adoption.activeOfInstalls.all);
  return {
    seeds,
    agents: base[0]!.agents,
    days: base[0]!.days,
    adoption: {
      installs: meanOf(base.map((r) => r.adoption.installs.population)),
      activeApps: meanOf(base.map((r) => r.adoption.realised.population)),
      activeOfInstalls: activeOf.every((x) => x !== null) ? meanOf(activeOf as number[]) : null,
    },
    beyondManualPerF0: {
      mean: headline.mean,
      ci95: headline.ci95,
      bySeed,
      ci95Method:
        "percentile bootstrap over seeds (each seed's mean over its app-using F0), 1000 resamples",
    },
    ministry: MINISTRY.perF0,
    nhs: {
      uptake: NHS.uptake,
      notifiedPerIndexCase: nhsSummary.mean,
      ci95: nhsSummary.ci95,
      trueNotifiedPerIndexCase: meanOf(nhs.map((r) => r.notifiedPerAppF0.trueMean ?? 0)),
      falseNotifiedPerIndexCase: meanOf(nhs.map((r) => r.notifiedPerAppF0.falseMean ?? 0)),
      published: NHS.notifiedPerIndexCase,
      publishedSecondaryAttackRate: NHS.secondaryAttackRate,
    },
    sensitivity: params.map((p, i) => ({
      parameter: p.parameter,
      unit: p.unit,
      basis: p.basis,
      base: p.base,
      low: p.low,
      high: p.high,
      atLow: meanOf(byGroup[2 + 2 * i]!.map(beyond)),
      atHigh: meanOf(byGroup[3 + 2 * i]!.map(beyond)),
    })),
  };
}
