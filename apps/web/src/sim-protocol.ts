import type { SimResult } from "@tracebed/sim";
import type { ContactGraph } from "@tracebed/viewer";
import type { JobSpec } from "./jobs.js";

/** Page → simulator Worker. The scenario travels as its JSON; the Worker parses it once. */
export type SimRequest =
  | { type: "job"; id: number; scenarioId: string; scenario: unknown; job: JobSpec }
  | { type: "run"; id: number; scenarioId: string; scenario: unknown; job: JobSpec; net: number };

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
  | { type: "error"; id: number; message: string };
