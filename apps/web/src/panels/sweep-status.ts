import { formatNumber, t } from "@tracebed/viewer";
import { FIRST_LOOK_AGENTS, FIRST_LOOK_F0 } from "../sweep-runner.js";
import { byId, type PageView, type Panel } from "./panel.js";

/** The line under the chart: runs done so far, or how long the sweep took. */
export function sweepStatusPanel(doc: Document): Panel {
  const el = byId(doc, "sweep-status");
  return {
    render({ state, sweep, workers }: PageView) {
      const lang = state.lang;
      if (!sweep) {
        el.textContent = t(lang, "chart.empty");
        el.dataset.finished = "false";
        return;
      }
      const progress = t(lang, "chart.progress", { done: sweep.done, total: sweep.total, workers });
      el.textContent = sweep.finished
        ? t(lang, "chart.done", {
            total: sweep.total,
            agents: formatNumber(state.agents, lang),
            seconds: formatNumber(sweep.ms / 1000, lang, 1),
          })
        : sweep.coarse.length > 0
          ? `${t(lang, "chart.firstLook", { n: sweep.coarse.length, agents: formatNumber(FIRST_LOOK_AGENTS, lang), f0: Math.min(state.f0, FIRST_LOOK_F0) })} ${progress}`
          : progress;
      el.dataset.coarse = String(sweep.coarse.length);
      el.dataset.done = String(sweep.done);
      el.dataset.total = String(sweep.total);
      el.dataset.finished = String(sweep.finished);
    },
  };
}
