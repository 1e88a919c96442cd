import type { DesignName } from "@tracebed/protocol";
import type { SimConfig } from "../core/config.js";
import { type NotifiedPerF0, notifiedPerAppF0 } from "../core/notified-per-f0.js";
import type { Chain } from "../core/oracle/chain.js";
import { f1Metrics, f2Metrics } from "../core/oracle/metrics.js";
import type { Outbreak } from "../core/oracle/outbreak.js";
import { perF0Figures } from "../core/oracle/per-f0.js";
import { hash2 } from "../core/rng.js";
import { type SimResult, type SimRun, type SimulateOptions, simulate } from "../core/simulate.js";
import type { DesignFinds, DesignPrivacy, DesignSettings } from "./design.js";
import { simDesign } from "./registry.js";

/** A run whose app-found figures are one design's; `result.design` names it unless Bluezone. */
export interface DesignRun extends SimRun {
  design: DesignName;
  finds: DesignFinds;
  result: SimResult & { design?: DesignName };
}

/**
 * One run through a design: the simulator's run, then the design's rule for whom the app
 * finds (pooled and per F0, the same definitions and causal truth as the run's). Bluezone's
 * run is the simulator's own, unchanged.
 */
export async function simulateDesign(
  config: SimConfig,
  design: DesignName = "bluezone",
  settings: DesignSettings = {},
  options: SimulateOptions = {},
): Promise<DesignRun> {
  simDesign(design); // an unknown design is refused before the run
  return designRun(await simulate(config, options), design, settings);
}

/**
 * A run seen through a design: the same simulated outbreak, the app-found sets by the
 * design's rule (so one run can be shown through every design).
 */
export function designRun(
  run: SimRun,
  design: DesignName,
  settings: DesignSettings = {},
): DesignRun {
  const finds = simDesign(design).finds(run, settings);
  if (design === "bluezone") return { ...run, design, finds };
  const outbreak = withFinds(run.outbreak, finds);
  const { engine } = run;
  return {
    engine,
    design,
    finds,
    outbreak,
    result: {
      ...run.result,
      design,
      f1: f1Metrics(engine, outbreak.sets),
      f2: f2Metrics(engine, outbreak.sets),
      perF0: perF0Figures(outbreak.chains, hash2(engine.seeds.stream("per-f0"), 0)),
      notifiedPerAppF0: notifiedPerAppF0(outbreak.chains) satisfies NotifiedPerF0,
    },
  };
}

/** What the design's server would hold after the run (docs/PROTOCOLS.md, per design). */
export function designPrivacy(run: DesignRun, settings: DesignSettings = {}): DesignPrivacy {
  return simDesign(run.design).privacy(run, run.finds, settings);
}

/** The outbreak with the app-found sets (pooled, exposures and chains) replaced by a design's. */
function withFinds(o: Outbreak, finds: DesignFinds): Outbreak {
  const chains: Chain[] = o.chains.map((c, i) => ({
    ...c,
    appF1: new Map(finds.chains[i]!.f1),
    appF2: new Set(finds.chains[i]!.f2),
  }));
  return {
    ...o,
    sets: { ...o.sets, notifiedF1: new Set(finds.f1.keys()), notifiedF2: new Set(finds.f2) },
    exposures: { ...o.exposures, notifiedF1: new Map(finds.f1) },
    chains,
  };
}
