import type { SimConfig } from "./config.js";
import { createEngine, type Engine } from "./engine.js";
import { f1Metrics, f2Metrics, type TracingMetrics } from "./oracle/metrics.js";
import {
  type DayScanner,
  inlineScanner,
  type Outbreak,
  type ProgressListener,
  traceOutbreak,
} from "./oracle/outbreak.js";
import { buildPopulation } from "./population/build.js";
import { type AdoptionReport, adoptionReport } from "./population/realised.js";
import { SeedTree } from "./rng.js";

export interface SimResult {
  seed: number | string;
  agents: number;
  days: number;
  adoption: AdoptionReport;
  /** Realised mean contacts per agent per day, by layer id, counted from the generated pairs. */
  contactsPerAgentPerDay: Record<string, number>;
  /** Contact pairs generated over the run (all layers, all days). */
  contactPairs: number;
  f0: number;
  f1: TracingMetrics;
  f2: TracingMetrics;
}

export interface SimRun {
  engine: Engine;
  outbreak: Outbreak;
  result: SimResult;
}

export interface SimulateOptions {
  /** How days are scanned: inline by default; the Node entry offers worker threads. */
  scanner?: (engine: Engine) => DayScanner;
  onProgress?: ProgressListener;
}

/** One run: population, contacts, BLE, and the tracing oracle's verdicts. */
export async function simulate(config: SimConfig, options: SimulateOptions = {}): Promise<SimRun> {
  const seeds = new SeedTree(config.seed);
  options.onProgress?.("population", 0, 1);
  const { population, adoptionShortfall } = buildPopulation(config, seeds);
  options.onProgress?.("population", 1, 1);
  const engine = createEngine(config, population, seeds);
  const scanner = (options.scanner ?? inlineScanner)(engine);
  const outbreak = await traceOutbreak(engine, scanner, options.onProgress);
  const agentDays = population.size * config.days;
  const contactsPerAgentPerDay: Record<string, number> = {};
  config.layers.forEach((l, i) => {
    contactsPerAgentPerDay[l.id] = agentDays > 0 ? (2 * outbreak.pairsByLayer[i]!) / agentDays : 0;
  });
  return {
    engine,
    outbreak,
    result: {
      seed: config.seed,
      agents: population.size,
      days: config.days,
      adoption: adoptionReport(config, population, adoptionShortfall),
      contactsPerAgentPerDay,
      contactPairs: outbreak.pairsByLayer.reduce((a, b) => a + b, 0),
      f0: outbreak.sets.f0.length,
      f1: f1Metrics(engine, outbreak.sets),
      f2: f2Metrics(engine, outbreak.sets),
    },
  };
}
