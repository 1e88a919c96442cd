import type { Engine } from "../engine.js";
import { regionOf } from "../population/population.js";
import type { OutbreakSets } from "./outbreak.js";

export interface TracingCounts {
  true: number;
  detected: number;
  falsePositives: number;
  /** detected / true (null when there is no true contact). */
  recall: number | null;
  /** detected / (detected + falsePositives) (null when the app notified no one). */
  precision: number | null;
  /** Detected true contacts that manual tracing did not list. */
  beyondManual: number;
}

export interface TracingMetrics extends TracingCounts {
  byRegion: ({ region: string } & TracingCounts)[];
  byGroup: ({ group: string } & TracingCounts)[];
}

function countsWhere(
  truth: ReadonlySet<number>,
  notified: ReadonlySet<number>,
  manual: ReadonlySet<number>,
  alsoTrue: ReadonlySet<number>,
  keep: (agent: number) => boolean,
): TracingCounts {
  let t = 0;
  let detected = 0;
  let fp = 0;
  let beyond = 0;
  for (const x of truth) if (keep(x)) t++;
  for (const x of notified) {
    if (!keep(x)) continue;
    if (truth.has(x)) {
      detected++;
      if (!manual.has(x)) beyond++;
    } else if (!alsoTrue.has(x)) fp++;
  }
  return {
    true: t,
    detected,
    falsePositives: fp,
    recall: t > 0 ? detected / t : null,
    precision: detected + fp > 0 ? detected / (detected + fp) : null,
    beyondManual: beyond,
  };
}

/**
 * Truth against the app and manual tracing: overall, by region, by group ("general": in no
 * group). A notification is a false positive when it reaches someone who is no true contact
 * at any step: an F2 notification reaching a true F1 (found late) is not a false alarm.
 */
export function tracingMetrics(
  engine: Engine,
  truth: ReadonlySet<number>,
  notified: ReadonlySet<number>,
  manual: ReadonlySet<number>,
  alsoTrue: ReadonlySet<number> = new Set(),
): TracingMetrics {
  const { config, population: pop } = engine;
  const counts = (keep: (agent: number) => boolean) =>
    countsWhere(truth, notified, manual, alsoTrue, keep);
  return {
    ...counts(() => true),
    byRegion: config.regions.map((r, ri) => ({
      region: r.id,
      ...counts((x) => regionOf(pop, x) === ri),
    })),
    byGroup: [
      ...config.groups.map((g, gi) => ({
        group: g.id,
        ...counts((x) => (pop.groups[x]! & (1 << gi)) !== 0),
      })),
      { group: "general", ...counts((x) => pop.groups[x] === 0) },
    ],
  };
}

export function f1Metrics(engine: Engine, s: OutbreakSets): TracingMetrics {
  return tracingMetrics(engine, s.trueF1, s.notifiedF1, s.manualF1);
}

export function f2Metrics(engine: Engine, s: OutbreakSets): TracingMetrics {
  return tracingMetrics(engine, s.trueF2, s.notifiedF2, s.manualF2, s.trueF1);
}
