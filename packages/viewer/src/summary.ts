import type { DesignName } from "@tracebed/protocol";
import type { Saturation } from "@tracebed/sim";
import type { Estimate, Headline } from "./estimate.js";
import { formatNumber, formatPercent } from "./format.js";
import { type Lang, t } from "./i18n.js";

/** A share and its interval as the page prints them ("36%", "33%", "39%"). */
export function estimateText(e: Estimate, lang: Lang): { mean: string; lo: string; hi: string } {
  return {
    mean: formatPercent(e.mean, lang, 0),
    lo: formatPercent(e.lo, lang, 0),
    hi: formatPercent(e.hi, lang, 0),
  };
}

/** A per-F0 count and its interval as the page prints them ("12.3"). */
export function perF0Text(e: Estimate, lang: Lang): { mean: string; lo: string; hi: string } {
  return {
    mean: formatNumber(e.mean, lang, 1),
    lo: formatNumber(e.lo, lang, 1),
    hi: formatNumber(e.hi, lang, 1),
  };
}

/**
 * "At 60% adoption the app finds 36% of the true F1 contacts (95% CI …) …" from the page's
 * one estimate (estimate.ts), in the page's language; a saturated sample adds a note that its
 * F2 counts are too low.
 */
export function summarySentence(
  lang: Lang,
  h: Headline,
  saturation?: Saturation,
  /** Whose rule the shares are: named first when given. */
  design?: DesignName,
): string {
  const f1 = estimateText(h.f1, lang);
  const f2 = estimateText(h.f2, lang);
  const sentence = t(lang, "summary.sentence", {
    pct: formatPercent(h.adoption, lang),
    f1: f1.mean,
    f1Lo: f1.lo,
    f1Hi: f1.hi,
    f2: f2.mean,
    f2Lo: f2.lo,
    f2Hi: f2.hi,
    runs: h.f1.runs,
    beyond: perF0Text(h.beyondManualPerF0, lang).mean,
  });
  const named =
    design === undefined
      ? sentence
      : t(lang, "summary.byDesign", { design: t(lang, `designShort.${design}`), sentence });
  if (!saturation?.saturated) return named;
  const note = t(lang, "saturation.short", { share: formatPercent(saturation.share, lang, 0) });
  return `${named} ${note}`;
}

/**
 * The warning shown beside the figures when the run's sample is saturated (undefined when it
 * is not): how crowded the F2's areas are, and the sample that would fix it — or, when the
 * sample cannot grow, fewer F0.
 */
export function saturationWarning(
  lang: Lang,
  s: Saturation,
  run: { f0: number; agents: number },
): string | undefined {
  if (!s.saturated) return undefined;
  const canGrow = s.suggestedAgents > run.agents;
  return t(lang, canGrow ? "saturation.more" : "saturation.fewer", {
    f0: formatNumber(run.f0, lang),
    share: formatPercent(s.share, lang, 0),
    agents: formatNumber(canGrow ? s.suggestedAgents : run.agents, lang),
  });
}
