import { formatNumber, formatPercent, t } from "@tracebed/viewer";
import { byId, type PageView, type Panel } from "./panel.js";

/**
 * The run at the slider through every design, one row each: the share of the true F1 and F2
 * its rule finds, and what its server would hold (docs/PROTOCOLS.md: phones other than a
 * confirmed F0 tied to a contact, contact pairs it can rebuild) — the model's count on the run,
 * stated as such. The chosen design's row is marked.
 */
export function designPrivacyPanel(doc: Document): Panel {
  const rows = byId(doc, "design-privacy-rows");
  const note = byId(doc, "design-privacy-note");
  return {
    render(view: PageView) {
      const { state: s, run } = view;
      const lang = s.lang;
      if (run === null || run.designs.length === 0) {
        rows.replaceChildren();
        note.textContent = t(lang, "privacy.pending");
        return;
      }
      const share = (x: { found: number; true: number }) =>
        x.true > 0 ? formatPercent(x.found / x.true, lang, 0) : "–";
      rows.replaceChildren(
        ...run.designs.map((d) => {
          const tr = doc.createElement("tr");
          tr.dataset.design = d.design;
          tr.dataset.nonIndexPhonesKnown = String(d.privacy.nonIndexPhonesKnown);
          tr.dataset.contactEdgesKnown = String(d.privacy.contactEdgesKnown);
          if (d.design === s.design) tr.setAttribute("aria-current", "true");
          const head = doc.createElement("th");
          head.scope = "row";
          head.textContent = t(lang, `design.${d.design}`);
          tr.append(head);
          for (const text of [
            share(d.f1),
            share(d.f2),
            formatNumber(d.privacy.nonIndexPhonesKnown, lang),
            formatNumber(d.privacy.contactEdgesKnown, lang),
          ]) {
            const td = doc.createElement("td");
            td.textContent = text;
            tr.append(td);
          }
          return tr;
        }),
      );
      note.textContent = t(lang, "privacy.note", {
        pct: formatPercent(s.adoption, lang),
        seed: s.seed,
        agents: formatNumber(run.result.agents, lang),
        f0: formatNumber(run.result.f0, lang),
      });
    },
  };
}
