import { interpolate, renderDistrictTable, t } from "@tracebed/viewer";
import { districtFigures, scenarioName } from "../scenarios.js";
import { byId, type PageView, type Panel } from "./panel.js";

const TITLE = {
  province: "district.title",
  district: "district.titleWhole",
  country: "district.titleRegion",
} as const;

/** The selected scenario's areas: its letter's user counts where it has them, else people. */
export function districtPanel(doc: Document): Panel {
  const el = byId(doc, "districts");
  return {
    render({ state: s, sweep, curveF1 }: PageView) {
      const d = districtFigures(s.scenario);
      const title = t(s.lang, TITLE[d.level], { name: scenarioName(s.scenario, s.lang) });
      const caption = d.letter
        ? t(s.lang, "district.titleLetter", { title, letter: d.letter })
        : title;
      const curve = [{ x: 0, y: 0 }, ...curveF1];
      const f1PerF0 = (sweep?.points ?? [])
        .map((p) => p.f1.true.mean / Math.max(1, s.f0))
        .filter((v) => Number.isFinite(v));
      el.dataset.scenario = s.scenario;
      renderDistrictTable(
        el,
        d.districts,
        {
          targetShare: d.targetShare,
          detectionAt: (a) => (curve.length > 1 ? interpolate(curve, a) : undefined),
          trueF1PerF0:
            f1PerF0.length > 0 ? f1PerF0.reduce((a, b) => a + b, 0) / f1PerF0.length : undefined,
        },
        { caption, ...(d.statedTotal !== undefined ? { statedTotal: d.statedTotal } : {}) },
        s.lang,
      );
    },
  };
}
