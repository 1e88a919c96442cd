import type { SimConfig } from "./config.js";
import { createEngine, type Engine } from "./engine.js";
import { type NotifiedPerF0, notifiedPerAppF0 } from "./notified-per-f0.js";
import { contactSample } from "./oracle/contact-sample.js";
import { f1Metrics, f2Metrics, type TracingMetrics } from "./oracle/metrics.js";
import {
  type DayScanner,
  inlineScanner,
  type Outbreak,
  type ProgressListener,
  traceOutbreak,
} from "./oracle/outbreak.js";
import { type PerF0, perF0Figures } from "./oracle/per-f0.js";
import { type BuiltPopulation, buildPopulation } from "./population/build.js";
import type { Population } from "./population/population.js";
import { type AdoptionReport, adoptionReport } from "./population/realised.js";
import { hash2, SeedTree } from "./rng.js";

export interface SimResult {
  seed: number | string;
  agents: number;
  days: number;
  adoption: AdoptionReport;
  /**
   * Realised contact events per agent per day, by layer id, counted from every generated
   * pair (a pair meeting twice counts twice).
   */
  contactsPerAgentPerDay: Record<string, number>;
  /** Distinct people met per agent per day and over the run, by layer id, on a sample. */
  distinctContacts: {
    sampleAgents: number;
    perAgentPerDay: Record<string, number>;
    perAgentPerRun: Record<string, number>;
  };
  /** Contact pairs generated over the run (all layers, all days). */
  contactPairs: number;
  f0: number;
  /** Pooled over all F0: the union of their F1 (and F2) sets. */
  f1: TracingMetrics;
  f2: TracingMetrics;
  /** Per index case, each F0's own chain (docs/MODEL.md, "Definitions"). */
  perF0: PerF0;
  /** F1 the app notified (true and false alarms) per app-using F0. */
  notifiedPerAppF0: NotifiedPerF0;
}

export interface SimRun {
  engine: Engine;
  outbreak: Outbreak;
  result: SimResult;
}

export interface SimulateOptions {
  /**
   * How days are scanned: inline by default; the Node entry offers worker threads, whose
   * `holdPopulation` moves the population where they can read it (the engine holds that copy
   * only, so the population is not held twice).
   */
  scanner?: ((engine: Engine) => DayScanner) & {
    holdPopulation?: (population: Population) => Population;
  };
  onProgress?: ProgressListener;
}

/** One run: population, contacts, BLE, and the tracing oracle's verdicts. */
export async function simulate(config: SimConfig, options: SimulateOptions = {}): Promise<SimRun> {
  const seeds = new SeedTree(config.seed);
  options.onProgress?.("population", 0, 1);
  let built: BuiltPopulation | null = buildPopulation(config, seeds);
  options.onProgress?.("population", 1, 1);
  const shortfall = built.adoptionShortfall;
  const hold = options.scanner?.holdPopulation;
  const population = hold ? hold(built.population) : built.population;
  built = null; // the unshared arrays, if any, can go
  const engine = createEngine(config, population, seeds);
  const scanner = (options.scanner ?? inlineScanner)(engine);
  const sample = contactSample(engine);
  const tracing = traceOutbreak(engine, scanner, options.onProgress, 14, sample);
  // Worked out while worker threads scan the first days (the report needs no contacts).
  const adoption = adoptionReport(config, population, shortfall);
  const outbreak = await tracing;
  const agentDays = population.size * config.days;
  const contactsPerAgentPerDay: Record<string, number> = {};
  config.layers.forEach((l, i) => {
    contactsPerAgentPerDay[l.id] = agentDays > 0 ? (2 * outbreak.pairsByLayer[i]!) / agentDays : 0;
  });
  const { distinct } = outbreak;
  const byLayer = (values: number[]) =>
    Object.fromEntries(config.layers.map((l, i) => [l.id, values[i]!]));
  return {
    engine,
    outbreak,
    result: {
      seed: config.seed,
      agents: population.size,
      days: config.days,
      adoption,
      contactsPerAgentPerDay,
      distinctContacts: {
        sampleAgents: distinct.sample,
        perAgentPerDay: byLayer(distinct.perDay),
        perAgentPerRun: byLayer(distinct.perRun),
      },
      contactPairs: outbreak.pairsByLayer.reduce((a, b) => a + b, 0),
      f0: outbreak.sets.f0.length,
      f1: f1Metrics(engine, outbreak.sets),
      f2: f2Metrics(engine, outbreak.sets),
      perF0: perF0Figures(outbreak.chains, hash2(seeds.stream("per-f0"), 0)),
      notifiedPerAppF0: notifiedPerAppF0(outbreak.chains),
    },
  };
}
