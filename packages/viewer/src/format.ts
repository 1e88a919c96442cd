import type { Lang } from "./i18n.js";

/** 1234567.8 → "1.234.568" (vi) or "1,234,568" (en); `digits` decimals (vi: decimal comma). */
export function formatNumber(n: number, lang: Lang, digits = 0): string {
  if (!Number.isFinite(n)) return "–";
  const fixed = Math.abs(n).toFixed(digits);
  const [whole, frac] = fixed.split(".") as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
  const sign = n < 0 && Number(fixed) !== 0 ? "−" : "";
  return `${sign}${grouped}${frac ? (lang === "vi" ? "," : ".") + frac : ""}`;
}

/**
 * A share as a percentage: 0.1653 → "16,53%" (vi) or "16.53%" (en). With `digits`, exactly
 * that many decimals; without, up to two with trailing zeros dropped (as the letters write).
 */
export function formatPercent(share: number, lang: Lang, digits?: number): string {
  if (!Number.isFinite(share)) return "–";
  const text =
    digits === undefined
      ? Number.parseFloat((share * 100).toFixed(2)).toString()
      : (share * 100).toFixed(digits);
  return `${lang === "vi" ? text.replace(".", ",") : text}%`;
}

/** Seconds with one decimal: 12.345 → "12,3" / "12.3". */
export function formatSeconds(ms: number, lang: Lang): string {
  return formatNumber(ms / 1000, lang, 1);
}
