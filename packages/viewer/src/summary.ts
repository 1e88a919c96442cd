import type { Saturation } from "@tracebed/sim";
import { formatNumber, formatPercent } from "./format.js";
import { type Lang, t } from "./i18n.js";

/** What one run at the slider's adoption found (the screen-reader summary's figures). */
export interface RunCounts {
  adoption: number;
  f0: number;
  f1True: number;
  f1Found: number;
  f2True: number;
  f2Found: number;
  /** The run's saturation: a saturated sample adds a note that its F2 counts are too low. */
  saturation?: Saturation;
}

/** "At 60% adoption the app finds X of Y F1 contacts (…) and …" in the page's language. */
export function summarySentence(lang: Lang, c: RunCounts): string {
  const share = (a: number, b: number) => (b > 0 ? formatPercent(a / b, lang, 0) : "–");
  const sentence = t(lang, "summary.sentence", {
    pct: formatPercent(c.adoption, lang),
    f0: formatNumber(c.f0, lang),
    f1Found: formatNumber(c.f1Found, lang),
    f1True: formatNumber(c.f1True, lang),
    f1Share: share(c.f1Found, c.f1True),
    f2Found: formatNumber(c.f2Found, lang),
    f2True: formatNumber(c.f2True, lang),
    f2Share: share(c.f2Found, c.f2True),
  });
  if (!c.saturation?.saturated) return sentence;
  const note = t(lang, "saturation.short", { share: formatPercent(c.saturation.share, lang, 0) });
  return `${sentence} ${note}`;
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
