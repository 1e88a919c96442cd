import { reachableWithSmartphones, toShareOfPopulation, totalPopulation } from "./denominators.js";
import {
  dateLabel,
  percent,
  type Qualifier,
  qualifierMark,
  type StatedDenominator,
  shareLabel,
  wholeNumber,
} from "./labels.js";
import type { Scenario, ScenarioTarget } from "./schema.js";

/** A point the viewer's adoption slider can jump to, from a seed letter. */
export interface AdoptionPreset {
  id: string;
  /** The scenario (letter) the figure comes from. */
  scenario: string;
  kind: "observed" | "target";
  /** The figure as the letter states it. */
  stated: { share?: number; count?: number; of: StatedDenominator; qualifier: Qualifier };
  /** The same figure as a share of the whole population (the slider's unit). */
  shareOfPopulation: number;
  /** False when fewer people own a smartphone than the figure asks for. */
  reachableWithSmartphones: boolean;
  letter: string;
  label: { vi: string; en: string };
}

function observedPreset(s: Scenario, demography: Scenario): AdoptionPreset | undefined {
  const a = s.adoption;
  if (a.basis !== "letter") return undefined;
  const shareOfPopulation =
    a.share !== undefined && a.of !== undefined
      ? toShareOfPopulation(demography, a.share, a.of)
      : (a.count ?? 0) / totalPopulation(s);
  const of: StatedDenominator = a.of ?? a.statedShare?.of ?? "unstated";
  const share = a.share ?? a.statedShare?.share;
  const qualifier = a.share !== undefined ? (a.shareQualifier ?? "exact") : "exact";
  const figure = (lang: "vi" | "en") => {
    const mark = qualifierMark(a.countQualifier ?? "exact");
    const users =
      a.count !== undefined
        ? `${mark}${wholeNumber(a.count, lang)} ${lang === "vi" ? "người dùng" : "users"}`
        : "";
    const pct = share !== undefined ? shareLabel(share, of, qualifier, lang) : "";
    return [users, pct].filter(Boolean).join(" = ");
  };
  return {
    id: `${s.id}/observed`,
    scenario: s.id,
    kind: "observed",
    stated: {
      ...(share !== undefined && { share }),
      ...(a.count !== undefined && { count: a.count }),
      of,
      qualifier,
    },
    shareOfPopulation,
    reachableWithSmartphones: reachableWithSmartphones(demography, shareOfPopulation),
    letter: s.source.number,
    label: {
      vi: `${s.name}, ${dateLabel(a.asOf, "vi")}: ${figure("vi")} → ${percent(shareOfPopulation, "vi")} dân số (CV ${s.source.number})`,
      en: `${s.nameEn}, ${dateLabel(a.asOf, "en")}: ${figure("en")} → ${percent(shareOfPopulation, "en")} of the population (letter ${s.source.number})`,
    },
  };
}

function targetPreset(
  s: Scenario,
  t: ScenarioTarget,
  i: number,
  demography: Scenario,
): AdoptionPreset {
  const shareOfPopulation = toShareOfPopulation(demography, t.share, t.of);
  const by = (lang: "vi" | "en") => (lang === "vi" ? t.setBy : t.setByEn);
  const deadline = (lang: "vi" | "en") =>
    t.deadline
      ? lang === "vi"
        ? `, đến ${dateLabel(t.deadline, "vi")}`
        : `, by ${dateLabel(t.deadline, "en")}`
      : "";
  return {
    id: `${s.id}/target-${i}`,
    scenario: s.id,
    kind: "target",
    stated: { share: t.share, of: t.of, qualifier: t.qualifier },
    shareOfPopulation,
    reachableWithSmartphones: reachableWithSmartphones(demography, shareOfPopulation),
    letter: s.source.number,
    label: {
      vi: `Mục tiêu của ${by("vi")}: ${shareLabel(t.share, t.of, t.qualifier, "vi")}${deadline("vi")} → ${percent(shareOfPopulation, "vi")} dân số (CV ${s.source.number})`,
      en: `Target set by ${by("en")}: ${shareLabel(t.share, t.of, t.qualifier, "en")}${deadline("en")} → ${percent(shareOfPopulation, "en")} of the population (letter ${s.source.number})`,
    },
  };
}

/**
 * The viewer's presets from the seed letters (docs/SOURCES.md): adoption each letter observed and
 * each population-wide target it states, converted to a share of the population — on
 * `demography`'s age structure and smartphone ownership when given (the scenario on screen),
 * else on the letter's own scenario. Only figures the scenario's own letter states count
 * (adoption with basis "letter", targets citing the letter); a target stated in two files
 * (the Government's 60%) appears once. Sorted by share of the population.
 */
export function adoptionPresets(
  scenarios: readonly Scenario[],
  demography?: Scenario,
): AdoptionPreset[] {
  const out: AdoptionPreset[] = [];
  const seen = new Set<string>();
  const byId = [...scenarios].sort((a, b) => a.id.localeCompare(b.id));
  for (const s of byId) {
    const d = demography ?? s;
    const observed = observedPreset(s, d);
    if (observed) out.push(observed);
    const targets = [s.target, ...(s.otherTargets ?? [])];
    targets.forEach((t, i) => {
      if (t.group !== undefined || t.source !== s.source.id) return;
      const key = `${t.share}|${t.of}|${t.setByEn}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(targetPreset(s, t, i, d));
    });
  }
  return out.sort((a, b) => a.shareOfPopulation - b.shareOfPopulation || a.id.localeCompare(b.id));
}
