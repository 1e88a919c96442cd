import { formatPercent } from "./format.js";
import type { Lang } from "./i18n.js";

/**
 * A preset of the adoption slider, as `@tracebed/sim`'s adoptionPresets gives it: a figure
 * from a seed letter with its own denominator, converted to a share of the population.
 */
export interface PresetLike {
  id: string;
  kind: "observed" | "target";
  shareOfPopulation: number;
  reachableWithSmartphones: boolean;
  letter: string;
  label: { vi: string; en: string };
}

export interface PresetText {
  /** The share of the population, the slider's unit: "16,53%". */
  value: string;
  /** Who or where: "Hưng Yên, 18/8/2020" or "Mục tiêu của Chính phủ". */
  title: string;
  /** The figure as the letter states it, with its denominator: "≥ 50% người dùng …". */
  stated: string;
  /** "CV 2136/UBND-KGVX" / "letter 2136/UBND-KGVX". */
  letter: string;
}

/**
 * Splits a preset's label ("<who>: <stated> → <share> <of population> (<letter>)") into the
 * parts a preset button shows.
 */
export function presetText(p: PresetLike, lang: Lang): PresetText {
  const label = p.label[lang];
  const colon = label.indexOf(": ");
  const arrow = label.lastIndexOf(" → ");
  const title = colon > 0 ? label.slice(0, colon) : label;
  const stated = colon > 0 && arrow > colon ? label.slice(colon + 2, arrow) : "";
  return {
    value: formatPercent(p.shareOfPopulation, lang),
    title,
    stated,
    letter: `${lang === "vi" ? "CV" : "letter"} ${p.letter}`,
  };
}
