import {
  type SimConfig,
  type SimResult,
  type SweepJob,
  type SweepPoint,
  sweep,
} from "@tracebed/sim";
import type { JobSpec } from "./jobs.js";
import { Cancelled, type WorkerPool } from "./pool.js";
import type { SimRequest, SimResponse } from "./sim-protocol.js";

/**
 * People per run of the first look at the whole range: twenty times smaller than the default
 * 200,000, so one run per grid value fits in seconds; its F2 counts saturate (sim's
 * saturation.ts), its shares found are close enough to show the shape until full runs land.
 */
export const FIRST_LOOK_AGENTS = 10_000;

/**
 * Index people per run of the first look, at most. The figures are per index person, so fewer
 * of them make a noisier point, not a different one; the oracle's cost grows faster than their
 * number (≈ 120 ms a run at 10 against ≈ 500 ms at 30, 10,000 people, Hưng Yên), and the first
 * look must reach the whole range while a 2-core machine is busy with something else too.
 */
export const FIRST_LOOK_F0 = 10;

/**
 * The grid values of the first look: `n` of them spread evenly over the grid, both ends and
 * the values nearest 8% and 60% (the letters' range) always among them.
 */
export function firstLookGrid(grid: readonly number[], n = 8): number[] {
  if (grid.length <= n) return [...grid];
  const nearest = (v: number) =>
    grid.reduce((best, x) => (Math.abs(x - v) < Math.abs(best - v) ? x : best), grid[0]!);
  const picked = new Set([grid[0]!, grid[grid.length - 1]!, nearest(0.08), nearest(0.6)]);
  for (let i = 1; picked.size < n && i < n - 1; i++) {
    picked.add(grid[Math.round((i * (grid.length - 1)) / (n - 1))]!);
  }
  for (const v of grid) if (picked.size < n) picked.add(v);
  return grid.filter((v) => picked.has(v));
}

export interface SweepPlan {
  /** Everything but the point and the seed (scenario, mode, agents, f0, BLE): the cache key. */
  key: string;
  scenarioId: string;
  scenario: unknown;
  grid: readonly number[];
  seeds: readonly number[];
  spec: (value: number, seed: number) => JobSpec;
  /**
   * People per run of the first look: one run per grid value on this smaller sample (and at
   * most FIRST_LOOK_F0 index people), before the full runs (skipped when the full runs are no
   * larger).
   */
  coarseAgents?: number;
}

export interface SweepProgress {
  /** What to show: per grid value, its full runs so far, or else its first-look run. */
  points: SweepPoint[];
  /** The full runs only (what the CSV carries). */
  fine: SweepPoint[];
  /** Grid values shown from the first look (one run on the smaller sample). */
  coarse: number[];
  done: number;
  total: number;
  /** Milliseconds since the sweep started. */
  ms: number;
  finished: boolean;
  /** The runs done so far at one grid value (for figures the summaries do not carry). */
  runsAt: (value: number) => SimResult[];
}

/**
 * Summaries of the runs done so far, point by point, by the simulator's own `sweep` (mean,
 * 95% CI, 5th–95th percentiles, a², a³ — the numbers `tracebed sweep` prints), fed from the
 * results already computed instead of running anything.
 */
export async function summarizeDone(
  grid: readonly number[],
  seeds: readonly number[],
  resultOf: (value: number, seed: number) => SimResult | undefined,
): Promise<SweepPoint[]> {
  const out: SweepPoint[] = [];
  for (const value of grid) {
    const done = seeds.filter((seed) => resultOf(value, seed) !== undefined);
    if (done.length === 0) continue;
    const cached = async (jobs: readonly SweepJob[]) => jobs.map((j) => resultOf(j.point, j.seed)!);
    const r = await sweep([value], done, () => ({}) as SimConfig, cached);
    out.push(r.points[0]!);
  }
  return out;
}

/**
 * The sweep in the page: first a look at the whole range (one run per grid value on a smaller
 * sample), then every (point, seed) run on the simulator Workers, seed by seed across the
 * grid, each full point replacing its first look, the bands narrowing as seeds arrive.
 * Results are cached by setting, so going back to an earlier setting is instant.
 */
export class SweepRunner {
  private readonly cache = new Map<string, SimResult>();
  private generation = 0;

  constructor(private readonly pool: WorkerPool<SimRequest, SimResponse>) {}

  start(
    plan: SweepPlan,
    onProgress: (p: SweepProgress) => void,
    onError: (message: string) => void = () => {},
  ): void {
    const generation = ++this.generation;
    const tag = `sweep-${generation}`;
    this.pool.clear();
    const t0 = performance.now();
    const id = (value: number, seed: number) => `${plan.key}|${value}|${seed}`;
    const resultOf = (value: number, seed: number) => this.cache.get(id(value, seed));
    const coarseAgents =
      plan.coarseAgents !== undefined && plan.coarseAgents < plan.spec(0, 0).agents
        ? plan.coarseAgents
        : undefined;
    const coarseF0 = Math.min(plan.spec(0, 0).f0, FIRST_LOOK_F0);
    const coarseId = (value: number) =>
      `${plan.key}|first-look-${coarseAgents}-${coarseF0}|${value}`;
    const coarseOf = (value: number) =>
      coarseAgents === undefined ? undefined : this.cache.get(coarseId(value));
    const runsAt = (value: number) => plan.seeds.flatMap((seed) => resultOf(value, seed) ?? []);
    const total = plan.grid.length * plan.seeds.length;
    const firstSeed = plan.seeds[0]!;
    let done = 0;
    let scheduled = false;
    const report = () => {
      if (scheduled) return;
      scheduled = true;
      // One summary per frame at most, however fast results arrive.
      requestAnimationFrame(() => {
        scheduled = false;
        if (generation !== this.generation) return;
        const finished = done === total;
        const ms = performance.now() - t0;
        void Promise.all([
          summarizeDone(plan.grid, plan.seeds, resultOf),
          summarizeDone(plan.grid, [firstSeed], (v) => coarseOf(v)),
        ]).then(([fine, looks]) => {
          if (generation !== this.generation) return;
          const full = new Set(fine.map((p) => p.value));
          const early = looks.filter((p) => !full.has(p.value));
          const points = [...fine, ...early].sort((a, b) => a.value - b.value);
          const coarse = early.map((p) => p.value);
          onProgress({ points, fine, coarse, done, total, ms, finished, runsAt });
        });
      });
    };
    const send = (job: JobSpec, onResult: (r: SimResult) => void) =>
      this.pool
        .request({ type: "job", scenarioId: plan.scenarioId, scenario: plan.scenario, job }, tag)
        .then((res) => {
          if (res.type !== "job-result") {
            throw new Error(res.type === "error" ? res.message : "unexpected reply");
          }
          onResult(res.result);
        })
        .catch((err: unknown) => {
          if (err instanceof Cancelled || generation !== this.generation) return;
          onError(err instanceof Error ? err.message : String(err));
        });
    if (coarseAgents !== undefined) {
      for (const value of firstLookGrid(plan.grid)) {
        if (coarseOf(value) || resultOf(value, firstSeed)) continue;
        send({ ...plan.spec(value, firstSeed), agents: coarseAgents, f0: coarseF0 }, (r) => {
          this.cache.set(coarseId(value), r);
          if (generation === this.generation) report();
        });
      }
    }
    for (const seed of plan.seeds) {
      for (const value of plan.grid) {
        if (resultOf(value, seed)) {
          done++;
          continue;
        }
        send(plan.spec(value, seed), (r) => {
          this.cache.set(id(value, seed), r);
          if (generation !== this.generation) return;
          done++;
          report();
        });
      }
    }
    report();
  }
}
