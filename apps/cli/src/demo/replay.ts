import { runLoad } from "@tracebed/fleet";
import { configFromScenario } from "@tracebed/sim";
import type { DemoReplay, DemoReplayContext } from "../commands/demo.js";

/** The demo's outbreak: a small sample at 60% adoption, F0 confirmed one every two seconds. */
const SAMPLE = { agents: 2_000, days: 5, f0: 10, adoption: 0.6, f0Rate: 0.5 };

/** Between two outbreaks: long enough to read the last one, short enough that a page opened
 * at any moment sees new events within half a minute. */
export const REPLAY_PAUSE_MS = 3_000;

/**
 * Replays small outbreaks through the fleet against the demo's matcher, one after another
 * (a new seed each time) until the demo stops, so the viewer's live panel shows F0 confirmed
 * and F1/F2 notified whenever it is opened; after each, says how the matcher's notifications
 * compare with the oracle's.
 */
export const replayOutbreak: DemoReplay = async (ctx) => {
  for (let round = 0; !ctx.signal.aborted; round++) {
    await replayOnce(ctx, ctx.seed + round, round + 1);
    await pause(REPLAY_PAUSE_MS, ctx.signal);
  }
};

async function replayOnce(ctx: DemoReplayContext, seed: number, round: number): Promise<void> {
  const config = configFromScenario(ctx.scenario, {
    seed,
    agents: SAMPLE.agents,
    days: SAMPLE.days,
    f0: SAMPLE.f0,
    adoption: { kind: "uniform", share: SAMPLE.adoption },
    ble: "realistic",
  });
  ctx.log(
    `demo: replaying outbreak ${round} (seed ${seed}): ${SAMPLE.agents} people, ${SAMPLE.f0} F0, ${SAMPLE.adoption * 100}% adoption`,
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
    `demo: outbreak ${round} replayed: ${summary.f0} F0, F1 ${summary.f1.notified} notified (oracle ${summary.f1.expected}), F2 ${summary.f2.notified} (oracle ${summary.f2.expected})`,
  );
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
