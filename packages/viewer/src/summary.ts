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
}

/** "At 60% adoption the app finds X of Y F1 contacts (…) and …" in the page's language. */
export function summarySentence(lang: Lang, c: RunCounts): string {
  const share = (a: number, b: number) => (b > 0 ? formatPercent(a / b, lang, 0) : "–");
  return t(lang, "summary.sentence", {
    pct: formatPercent(c.adoption, lang),
    f0: formatNumber(c.f0, lang),
    f1Found: formatNumber(c.f1Found, lang),
    f1True: formatNumber(c.f1True, lang),
    f1Share: share(c.f1Found, c.f1True),
    f2Found: formatNumber(c.f2Found, lang),
    f2True: formatNumber(c.f2True, lang),
    f2Share: share(c.f2Found, c.f2True),
  });
}
