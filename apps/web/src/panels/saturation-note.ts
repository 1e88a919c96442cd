import { saturationWarning } from "@tracebed/viewer";
import { byId, type PageView, type Panel } from "./panel.js";

/** The warning beside the figures when the run at the slider saturated its sample. */
export function saturationPanel(doc: Document): Panel {
  const el = byId(doc, "saturation");
  return {
    render({ state, run, saturation }: PageView) {
      const text =
        saturation && run ? saturationWarning(state.lang, saturation, run.result) : undefined;
      el.hidden = text === undefined;
      el.textContent = text ?? "";
      if (saturation) {
        el.dataset.share = String(Math.round(saturation.share * 1000) / 1000);
        el.dataset.saturated = String(saturation.saturated);
      } else {
        delete el.dataset.share;
        delete el.dataset.saturated;
      }
    },
  };
}
