import type { SimConfig } from "../core/config.js";
import type { TracingCounts } from "../core/oracle/metrics.js";
import type { SimResult } from "../core/simulate.js";
import { meanSaturation, type RegionSize, runSaturation } from "./saturation.js";
import { CI95_METHOD, type Summary, summarize } from "./stats.js";

/** One run of a sweep: a point of the range and a seed. */
export interface SweepJob {
  point: number;
  seed: number;
  config: SimConfig;
}

/** Runs jobs (inline, or on worker threads) and returns their results in job order. */
export type JobRunner = (
  jobs: readonly SweepJob[],
  onDone?: (done: number) => void,
) => Promise<SimResult[]>;

export interface CountsSummary {
  true: Summary;
  detected: Summary;
  falsePositives: Summary;
  recall: Summary;
  precision: Summary;
  beyondManual: Summary;
}

export interface SweepPoint {
  /** The swept value: a uniform share of the population, or the policy's target. */
  value: number;
  /** Realised app users as a share of the whole population. */
  adoption: Summary;
  /**
   * App users a policy asked for that no eligible phone (smartphone owners; adults ones when
   * the denominator is adults) could supply, per run: above 0, the target was capped.
   */
  adoptionShortfall: Summary;
  f1: CountsSummary;
  f2: CountsSummary;
  /**
   * True F1 + F2 found by the app and not by manual tracing, per app-using F0 (each F0's own
   * chain; the run's mean over F0, summarised over seeds): the Ministry's 82 / 17 ≈ 4.8.
   */
  beyondManualPerF0: Summary;
  /** Per-F0 figures (each run's mean over its F0), summarised over seeds. */
  perF0: {
    f1True: Summary;
    f1Recall: Summary;
    f2True: Summary;
    f2Recall: Summary;
  };
  /** Reference relations at the realised mean adoption a (uniform, independent, ideal BLE). */
  reference: { a2: number; a3: number };
  /**
   * Whether the runs' samples were too small for their F0 (saturation.ts): the mean share of
   * the F2's districts already reached, saturated when that mean reaches the limit. Present
   * when the sweep was given the sample's regions.
   */
  saturation?: { share: number; saturated: boolean };
  byRegion?: { region: string; f1: CountsSummary; f2: CountsSummary }[];
  byGroup?: { group: string; f1: CountsSummary; f2: CountsSummary }[];
}

export interface SweepResult {
  seeds: number[];
  /** How every `ci95` of the points is computed (a percentile bootstrap over the seeds). */
  ci95Method: typeof CI95_METHOD;
  points: SweepPoint[];
}

const values = (xs: (number | null)[]) => summarize(xs.filter((x): x is number => x !== null));

function countsSummary(list: readonly TracingCounts[]): CountsSummary {
  return {
    true: values(list.map((c) => c.true)),
    detected: values(list.map((c) => c.detected)),
    falsePositives: values(list.map((c) => c.falsePositives)),
    recall: values(list.map((c) => c.recall)),
    precision: values(list.map((c) => c.precision)),
    beyondManual: values(list.map((c) => c.beyondManual)),
  };
}

function pointOf(
  value: number,
  runs: readonly SimResult[],
  by: "region" | "group" | undefined,
  regions: readonly RegionSize[] | undefined,
): SweepPoint {
  const a = values(runs.map((r) => r.adoption.realised.population)).mean;
  const point: SweepPoint = {
    value,
    adoption: values(runs.map((r) => r.adoption.realised.population)),
    adoptionShortfall: values(runs.map((r) => r.adoption.shortfall)),
    f1: countsSummary(runs.map((r) => r.f1)),
    f2: countsSummary(runs.map((r) => r.f2)),
    beyondManualPerF0: values(runs.map((r) => r.perF0.beyondManual.mean)),
    perF0: {
      f1True: values(runs.map((r) => r.perF0.f1.true.mean)),
      f1Recall: values(runs.map((r) => r.perF0.f1.recall.mean)),
      f2True: values(runs.map((r) => r.perF0.f2.true.mean)),
      f2Recall: values(runs.map((r) => r.perF0.f2.recall.mean)),
    },
    reference: { a2: a * a, a3: a * a * a },
  };
  const saturation = regions && meanSaturation(runs.map((r) => runSaturation(r, regions)));
  if (saturation) point.saturation = saturation;
  if (by === "region") {
    point.byRegion = runs[0]!.f1.byRegion.map((reg, i) => ({
      region: reg.region,
      f1: countsSummary(runs.map((r) => r.f1.byRegion[i]!)),
      f2: countsSummary(runs.map((r) => r.f2.byRegion[i]!)),
    }));
  }
  if (by === "group") {
    point.byGroup = runs[0]!.f1.byGroup.map((g, i) => ({
      group: g.group,
      f1: countsSummary(runs.map((r) => r.f1.byGroup[i]!)),
      f2: countsSummary(runs.map((r) => r.f2.byGroup[i]!)),
    }));
  }
  return point;
}

/**
 * Every point of the range under `seeds` seeds (firstSeed, firstSeed + 1, …): per point, the
 * mean, its 95% interval (a percentile bootstrap over the seeds) and the 5th–95th percentiles
 * across seeds.
 */
export async function sweep(
  points: readonly number[],
  seeds: readonly number[],
  makeConfig: (point: number, seed: number) => SimConfig,
  runner: JobRunner,
  options: {
    by?: "region" | "group";
    /** The sample's regions (sampleRegions), for each point's saturation. */
    regions?: readonly RegionSize[];
    onDone?: (done: number, total: number) => void;
  } = {},
): Promise<SweepResult> {
  const jobs = points.flatMap((point) =>
    seeds.map((seed) => ({ point, seed, config: makeConfig(point, seed) })),
  );
  const results = await runner(jobs, (done) => options.onDone?.(done, jobs.length));
  return {
    seeds: [...seeds],
    ci95Method: CI95_METHOD,
    points: points.map((p, i) =>
      pointOf(
        p,
        results.slice(i * seeds.length, (i + 1) * seeds.length),
        options.by,
        options.regions,
      ),
    ),
  };
}

/** Runs the jobs one after another on this thread (the browser's Web Worker uses this). */
export const inlineRunner: JobRunner = async (jobs, onDone) => {
  const { simulate } = await import("../core/simulate.js");
  const out: SimResult[] = [];
  for (const job of jobs) {
    out.push((await simulate(job.config)).result);
    onDone?.(out.length);
  }
  return out;
};
