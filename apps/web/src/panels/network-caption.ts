import { formatNumber, formatPercent, graphCounts, roundShare, t } from "@tracebed/viewer";
import { byId, type PageView, type Panel } from "./panel.js";

/** The contact network's title and its description for screen readers. */
export function networkCaptionPanel(doc: Document): Panel {
  const title = byId(doc, "net-title");
  const canvas = byId(doc, "network");
  return {
    render({ state, run }: PageView) {
      const lang = state.lang;
      if (!run?.graph) {
        title.textContent = t(lang, "net.computing");
        return;
      }
      const g = graphCounts(run.graph);
      const pct = formatPercent(roundShare(run.result.adoption.realised.population), lang);
      title.textContent = t(lang, "net.title", { n: g.f0, pct });
      canvas.setAttribute(
        "aria-label",
        t(lang, "net.aria", {
          f0: g.f0,
          f1: g.f1,
          f2: g.f2,
          detected: formatNumber(g.detected, lang),
          edges: formatNumber(g.edges, lang),
        }),
      );
    },
  };
}
