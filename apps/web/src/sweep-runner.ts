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

export interface SweepPlan {
  /** Everything but the point and the seed (scenario, mode, agents, f0, BLE): the cache key. */
  key: string;
  scenarioId: string;
  scenario: unknown;
  grid: readonly number[];
  seeds: readonly number[];
  spec: (value: number, seed: number) => JobSpec;
}

export interface SweepProgress {
  points: SweepPoint[];
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
 * The sweep in the page: every (point, seed) run on the simulator Workers, seed by seed across
 * the grid so a whole first curve appears early, then narrower bands as seeds arrive. Results
 * are cached by setting, so going back to an earlier setting is instant.
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
    const runsAt = (value: number) => plan.seeds.flatMap((seed) => resultOf(value, seed) ?? []);
    const total = plan.grid.length * plan.seeds.length;
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
        void summarizeDone(plan.grid, plan.seeds, resultOf).then((points) => {
          if (generation === this.generation)
            onProgress({ points, done, total, ms, finished, runsAt });
        });
      });
    };
    for (const seed of plan.seeds) {
      for (const value of plan.grid) {
        if (resultOf(value, seed)) {
          done++;
          continue;
        }
        this.pool
          .request(
            {
              type: "job",
              scenarioId: plan.scenarioId,
              scenario: plan.scenario,
              job: plan.spec(value, seed),
            },
            tag,
          )
          .then((res) => {
            if (res.type !== "job-result") {
              throw new Error(res.type === "error" ? res.message : "unexpected reply");
            }
            this.cache.set(id(value, seed), res.result);
            if (generation !== this.generation) return;
            done++;
            report();
          })
          .catch((err: unknown) => {
            if (err instanceof Cancelled || generation !== this.generation) return;
            onError(err instanceof Error ? err.message : String(err));
          });
      }
    }
    report();
  }
}
