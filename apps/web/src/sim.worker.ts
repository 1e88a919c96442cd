import {
  type DesignRun,
  designPrivacy,
  designRun,
  parseScenario,
  type Scenario,
  type SimRun,
  simDesignNames,
  simulate,
} from "@tracebed/sim";
import { contactGraph } from "./contact-graph.js";
import { jobConfig } from "./jobs.js";
import type { DesignRow, SimRequest, SimResponse } from "./sim-protocol.js";

/** The simulator in a Web Worker: the page stays smooth while runs are computed. */

const scenarios = new Map<string, Scenario>();

function scenarioOf(id: string, json: unknown): Scenario {
  let s = scenarios.get(id);
  if (!s) {
    s = parseScenario(json, id);
    scenarios.set(id, s);
  }
  return s;
}

function reply(message: SimResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

/** The last run at the slider, kept for its "designs" request (the same job follows it). */
let lastRun: { key: string; plain: SimRun; chosen: DesignRun } | null = null;

async function runOf(msg: SimRequest, s: Scenario): Promise<{ plain: SimRun; chosen: DesignRun }> {
  const key = `${msg.scenarioId}|${JSON.stringify(msg.job)}`;
  if (msg.type !== "job" && lastRun?.key === key) return lastRun;
  const plain = await simulate(jobConfig(s, msg.job));
  const chosen = designRun(plain, msg.job.design);
  if (msg.type !== "job") lastRun = { key, plain, chosen };
  return { plain, chosen };
}

self.addEventListener("message", async (event: MessageEvent<SimRequest>) => {
  const msg = event.data;
  const t0 = performance.now();
  try {
    const s = scenarioOf(msg.scenarioId, msg.scenario);
    const { plain, chosen: run } = await runOf(msg, s);
    if (msg.type === "job") {
      reply({ type: "job-result", id: msg.id, result: run.result, ms: performance.now() - t0 });
      return;
    }
    if (msg.type === "designs") {
      const designs = everyDesign(plain, run);
      reply({ type: "designs-result", id: msg.id, designs, ms: performance.now() - t0 });
      return;
    }
    const { agent: _agents, ...graph } = contactGraph(run, msg.net);
    const r = run.result;
    reply(
      {
        type: "run-result",
        id: msg.id,
        result: r,
        graph,
        beyondManualPerF0: r.perF0.beyondManual.mean ?? 0,
        ms: performance.now() - t0,
      },
      [
        graph.role.buffer,
        graph.app.buffer,
        graph.source.buffer,
        graph.target.buffer,
        graph.detected.buffer,
      ],
    );
  } catch (err) {
    reply({ type: "error", id: msg.id, message: err instanceof Error ? err.message : String(err) });
  }
});

/** The run through every design (the chosen one is already worked out). */
function everyDesign(plain: SimRun, chosen: DesignRun): DesignRow[] {
  return simDesignNames().map((name) => {
    const run = name === chosen.design ? chosen : designRun(plain, name);
    const { f1, f2 } = run.result;
    return {
      design: name,
      f1: { found: f1.detected, true: f1.true },
      f2: { found: f2.detected, true: f2.true },
      privacy: designPrivacy(run),
    };
  });
}
