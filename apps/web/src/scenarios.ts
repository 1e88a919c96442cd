/// <reference types="vite/client" />
import {
  type AdoptionPreset,
  adoptionPresets,
  DEFAULT_SCENARIO,
  parseScenario,
  type Scenario,
  smartphoneShare,
  toShareOfPopulation,
} from "@tracebed/sim";
import index from "../../../scenarios/index.json" with { type: "json" };

/** One entry of scenarios/index.json: the list every part of the page follows. */
export interface ScenarioEntry {
  id: string;
  file: string;
  name: string;
  nameEn: string;
  level: "province" | "district" | "country";
}

export const SCENARIO_INDEX: readonly ScenarioEntry[] = index.scenarios as ScenarioEntry[];

// Every scenario file beside the index, bundled into the page (it works offline).
const FILES = import.meta.glob<unknown>(
  ["../../../scenarios/*.json", "!**/index.json", "!**/scenario.schema.json"],
  {
    eager: true,
    import: "default",
  },
);

/** The scenario files, in the order of scenarios/index.json (a listed file must exist). */
export const SCENARIO_JSON: Readonly<Record<string, unknown>> = Object.fromEntries(
  SCENARIO_INDEX.map((e) => {
    const json = FILES[`../../../scenarios/${e.file}`];
    if (json === undefined) throw new Error(`scenarios/index.json lists a missing ${e.file}`);
    return [e.id, json];
  }),
);

export const SCENARIO_IDS = Object.keys(SCENARIO_JSON);
export { DEFAULT_SCENARIO };

const parsed = new Map<string, Scenario>();

export function scenario(id: string): Scenario {
  let s = parsed.get(id);
  if (!s) {
    s = parseScenario(SCENARIO_JSON[id], id);
    parsed.set(id, s);
  }
  return s;
}

export function allScenarios(): Scenario[] {
  return SCENARIO_IDS.map(scenario);
}

/** The letters' presets on the demography of the scenario on screen. */
export function presetsFor(id: string): AdoptionPreset[] {
  return adoptionPresets(allScenarios(), scenario(id));
}

/** The shaded ranges of the chart: what the letters observed, what they aimed at. */
export function letterRanges(presets: readonly AdoptionPreset[]): {
  observed?: [number, number];
  targets?: [number, number];
} {
  const range = (kind: AdoptionPreset["kind"]): [number, number] | undefined => {
    const xs = presets.filter((p) => p.kind === kind).map((p) => p.shareOfPopulation);
    return xs.length > 0 ? [Math.min(...xs), Math.max(...xs)] : undefined;
  };
  const observed = range("observed");
  const targets = range("target");
  return { ...(observed && { observed }), ...(targets && { targets }) };
}

/** The name scenarios/index.json gives a scenario, in the page's language. */
export function scenarioName(id: string, lang: "vi" | "en"): string {
  const e = SCENARIO_INDEX.find((x) => x.id === id);
  return e ? (lang === "vi" ? e.name : e.nameEn) : id;
}

/**
 * The district table's figures for a scenario: its areas and their people, the users its
 * letter counts in each (none for most letters), its target on the population, and which
 * letter the counts come from.
 */
export function districtFigures(id: string): {
  level: ScenarioEntry["level"];
  districts: { id: string; name: string; users?: number; population: number }[];
  statedTotal?: number;
  targetShare: number;
  letter?: string;
} {
  const s = scenario(id);
  const counts = new Map(
    (s.adoption.byRegion ?? []).flatMap((e) =>
      e.count === undefined ? [] : [[e.region, e.count]],
    ),
  );
  const level = SCENARIO_INDEX.find((e) => e.id === id)?.level ?? "province";
  return {
    level,
    districts: s.regions.map((r) => ({
      id: r.id,
      name: r.name,
      ...(counts.has(r.id) ? { users: counts.get(r.id)! } : {}),
      population: r.population,
    })),
    ...(counts.size > 0 && s.adoption.count !== undefined ? { statedTotal: s.adoption.count } : {}),
    targetShare: toShareOfPopulation(s, s.target.share, s.target.of),
    ...(counts.size > 0 ? { letter: `${s.source.number}, ${s.source.date}` } : {}),
  };
}

export { smartphoneShare };
