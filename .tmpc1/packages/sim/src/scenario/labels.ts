import type { ScenarioDenominator } from "./schema.js";

export type StatedDenominator = ScenarioDenominator | "unstated";
export type Qualifier = "exact" | "about" | "moreThan" | "atLeast";

const DENOMINATOR_LABEL: Record<StatedDenominator, { vi: string; en: string }> = {
  population: { vi: "dân số", en: "of the population" },
  adults: { vi: "dân số trưởng thành", en: "of adults" },
  smartphoneUsers: { vi: "người dùng điện thoại thông minh", en: "of smartphone users" },
  unstated: { vi: "mẫu số không nêu", en: "denominator unstated" },
};

const QUALIFIER_MARK: Record<Qualifier, string> = {
  exact: "",
  about: "≈ ",
  moreThan: "> ",
  atLeast: "≥ ",
};

/** The denominator in words, Vietnamese and English. */
export function denominatorLabel(of: StatedDenominator): { vi: string; en: string } {
  return DENOMINATOR_LABEL[of];
}

/** 0.1653 → "16,53%" (vi) or "16.53%" (en); trailing zeros dropped. */
export function percent(share: number, lang: "vi" | "en"): string {
  const text = Number.parseFloat((share * 100).toFixed(2)).toString();
  return `${lang === "vi" ? text.replace(".", ",") : text}%`;
}

/** 57511 → "57.511" (vi) or "57,511" (en). */
export function wholeNumber(n: number, lang: "vi" | "en"): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
}

/** "≥ ", "≈ ", "> " or "" before a figure. */
export function qualifierMark(qualifier: Qualifier): string {
  return QUALIFIER_MARK[qualifier];
}

/** "≥ 60% dân số" / "≥ 60% of the population"; "8.82% (denominator unstated)". */
export function shareLabel(
  share: number,
  of: StatedDenominator,
  qualifier: Qualifier,
  lang: "vi" | "en",
): string {
  const denominator = DENOMINATOR_LABEL[of][lang];
  return `${QUALIFIER_MARK[qualifier]}${percent(share, lang)} ${of === "unstated" ? `(${denominator})` : denominator}`;
}

/** "2020-08-18" → "18/8/2020" (vi) or "18 Aug 2020" (en); "2020-08" → "8/2020" / "Aug 2020". */
export function dateLabel(date: string, lang: "vi" | "en"): string {
  const [y, m, d] = date.split("-").map(Number);
  const months = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
  ];
  if (lang === "vi") return d === undefined ? `${m}/${y}` : `${d}/${m}/${y}`;
  return d === undefined ? `${months[m! - 1]} ${y}` : `${d} ${months[m! - 1]} ${y}`;
}
