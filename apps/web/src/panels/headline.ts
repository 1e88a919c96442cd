import {
  estimateText,
  formatNumber,
  formatPercent,
  type Headline,
  perF0Text,
  roundShare,
  summarySentence,
  t,
} from "@tracebed/viewer";
import { CALIBRATION_2020_08 as cal } from "../calibration.js";
import { byId, type PageView, type Panel } from "./panel.js";

/**
 * The heading, the three cards and the summary sentence: every number from the page's one
 * estimate at the slider, each card carrying it unrounded in `data-value` (the value the
 * chart's marker carries too).
 */
export function headlinePanel(doc: Document): Panel {
  const heading = byId(doc, "summary-heading");
  const cards = {
    f1: byId(doc, "card-f1"),
    f2: byId(doc, "card-f2"),
    beyond: byId(doc, "card-beyond-manual"),
  };
  const sentence = byId(doc, "summary");
  const setValue = (el: HTMLElement, v: number | undefined) => {
    if (v === undefined) delete el.dataset.value;
    else el.dataset.value = String(v);
  };
  return {
    render(view: PageView) {
      const { state: s, headline: h } = view;
      const lang = s.lang;
      const shown = h ? roundShare(h.adoption) : s.adoption;
      // Under a policy, adoption can fall short of the slider (smartphone owners, district caps).
      const shortfall = s.mode === "policy" && Math.abs(shown - s.adoption) >= 5e-4;
      heading.textContent = t(lang, shortfall ? "summary.headingPolicy" : "summary.heading", {
        pct: formatPercent(shown, lang),
        asked: formatPercent(s.adoption, lang),
      });
      for (const k of ["f1", "f2"] as const) {
        const card = cards[k];
        const e = h?.[k];
        const text = e && estimateText(e, lang);
        card.querySelector(".big")!.textContent = text ? text.mean : "–";
        card.querySelector(".card-sub")!.textContent =
          text && e ? t(lang, "summary.interval", { lo: text.lo, hi: text.hi, runs: e.runs }) : "";
        setValue(card, e?.mean);
      }
      const b = h?.beyondManualPerF0;
      const bText = b && perF0Text(b, lang);
      byId(doc, "beyond").textContent = bText ? bText.mean : "–";
      byId(doc, "beyond-model").textContent =
        b && bText
          ? t(lang, "summary.beyondModel", { runs: b.runs, lo: bText.lo, hi: bText.hi })
          : "";
      setValue(cards.beyond, b?.mean);
      // The shipped August 2020 figure: fixed, beside the Ministry's.
      const calibration = byId(doc, "calibration");
      calibration.textContent = t(lang, "summary.calibration", {
        mean: formatNumber(cal.mean, lang, 1),
        lo: formatNumber(cal.lo, lang, 1),
        hi: formatNumber(cal.hi, lang, 1),
      });
      calibration.dataset.value = String(cal.mean);
      renderSentence(sentence, h, view);
    },
  };
}

function renderSentence(el: HTMLElement, h: Headline | undefined, view: PageView): void {
  const lang = view.state.lang;
  if (!h) {
    el.textContent = t(lang, "summary.pending");
    for (const k of ["f1", "f2", "beyondManual"]) delete el.dataset[k];
    return;
  }
  // Named off the default design (the chart's title always names it).
  const design = view.state.design === "bluezone" ? undefined : view.state.design;
  el.textContent = summarySentence(lang, h, view.saturation, design);
  el.dataset.design = view.state.design;
  el.dataset.f1 = String(h.f1.mean);
  el.dataset.f2 = String(h.f2.mean);
  el.dataset.beyondManual = String(h.beyondManualPerF0.mean);
  el.dataset.runs = formatNumber(h.f1.runs, "en");
}
