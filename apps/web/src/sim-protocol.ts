import type { DesignName } from "@tracebed/protocol";
import type { DesignPrivacy, SimResult } from "@tracebed/sim";
import type { ContactGraph } from "@tracebed/viewer";
import type { JobSpec } from "./jobs.js";

/** Page → simulator Worker. The scenario travels as its JSON; the Worker parses it once. */
export type SimRequest =
  | { type: "job"; id: number; scenarioId: string; scenario: unknown; job: JobSpec }
  | { type: "run"; id: number; scenarioId: string; scenario: unknown; job: JobSpec; net: number }
  /** The run at the slider through every design (after its "run": the Worker keeps that run). */
  | { type: "designs"; id: number; scenarioId: string; scenario: unknown; job: JobSpec };

/** The run at the slider seen through one design: whom it finds, what its server would hold. */
export interface DesignRow {
  design: DesignName;
  /** Found by the design's rule and true, of the run's true F1 (F2), pooled over its F0. */
  f1: { found: number; true: number };
  f2: { found: number; true: number };
  privacy: DesignPrivacy;
}

/** Simulator Worker → page. */
export type SimResponse =
  | { type: "job-result"; id: number; result: SimResult; ms: number }
  | {
      type: "run-result";
      id: number;
      result: SimResult;
      graph: ContactGraph;
      /** True F1 + F2 the app found beyond manual tracing, per app-using F0 (its own chain). */
      beyondManualPerF0: number;
      ms: number;
    }
  | {
      type: "designs-result";
      id: number;
      /** The same run through every design the simulator runs (DESIGN_NAMES order). */
      designs: DesignRow[];
      ms: number;
    }
  | { type: "error"; id: number; message: string };
