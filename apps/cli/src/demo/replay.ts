import { runLoad } from "@tracebed/fleet";
import { configFromScenario } from "@tracebed/sim";
import type { DemoReplay } from "../commands/demo.js";

/** The demo's outbreak: a small sample at 60% adoption, F0 confirmed one every two seconds. */
const SAMPLE = { agents: 2_000, days: 5, f0: 10, adoption: 0.6, f0Rate: 0.5 };

/**
 * Replays a small outbreak through the fleet against the demo's matcher, so the viewer's live
 * panel shows F0 confirmed and F1/F2 notified as they happen; then says how the matcher's
 * notifications compare with the oracle's.
 */
export const replayOutbreak: DemoReplay = async (ctx) => {
  const config = configFromScenario(ctx.scenario, {
    seed: ctx.seed,
    agents: SAMPLE.agents,
    days: SAMPLE.days,
    f0: SAMPLE.f0,
    adoption: { kind: "uniform", share: SAMPLE.adoption },
    ble: "realistic",
  });
  ctx.log(
    `demo: replaying an outbreak: ${SAMPLE.agents} people, ${SAMPLE.f0} F0, ${SAMPLE.adoption * 100}% adoption`,
  );
  const { summary } = await runLoad({
    config,
    urls: [ctx.url],
    haToken: ctx.haToken,
    f0Rate: SAMPLE.f0Rate,
    procs: 1,
    signal: ctx.signal,
  });
  if (ctx.signal.aborted) return;
  ctx.log(
    `demo: outbreak replayed: ${summary.f0} F0, F1 ${summary.f1.notified} notified (oracle ${summary.f1.expected}), F2 ${summary.f2.notified} (oracle ${summary.f2.expected})`,
  );
};
