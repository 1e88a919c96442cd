import {
  type AdoptionPreset,
  adoptionPresets,
  DEFAULT_SCENARIO,
  parseScenario,
  type Scenario,
  smartphoneShare,
  toShareOfPopulation,
} from "@tracebed/sim";
import binhGia from "../../../scenarios/binh-gia-2020-08.json" with { type: "json" };
import canGiuoc from "../../../scenarios/can-giuoc-2020-08-14.json" with { type: "json" };
import dakNong from "../../../scenarios/dak-nong-2020-08-13.json" with { type: "json" };
import hungYen from "../../../scenarios/hung-yen-2020-08-18.json" with { type: "json" };
import laiChau from "../../../scenarios/lai-chau-2020-08-15.json" with { type: "json" };
import vietnam from "../../../scenarios/vietnam-2020-08.json" with { type: "json" };

/**
 * The scenario files from the seed letters, bundled into the page (it works offline), in the
 * order of scenarios/index.json.
 */
export const SCENARIO_JSON: Readonly<Record<string, unknown>> = {
  "hung-yen-2020-08-18": hungYen,
  "dak-nong-2020-08-13": dakNong,
  "lai-chau-2020-08-15": laiChau,
  "can-giuoc-2020-08-14": canGiuoc,
  "binh-gia-2020-08": binhGia,
  "vietnam-2020-08": vietnam,
};

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

/** Đắk Nông's districts with the letter's user counts, and its target on the population. */
export function dakNongDistricts(): {
  districts: { id: string; name: string; users: number; population: number }[];
  statedTotal: number;
  targetShare: number;
} {
  const s = scenario("dak-nong-2020-08-13");
  const counts = new Map((s.adoption.byRegion ?? []).map((e) => [e.region, e.count ?? 0]));
  return {
    districts: s.regions.map((r) => ({
      id: r.id,
      name: r.name,
      users: counts.get(r.id) ?? 0,
      population: r.population,
    })),
    statedTotal: s.adoption.count ?? 0,
    targetShare: toShareOfPopulation(s, s.target.share, s.target.of),
  };
}

export { smartphoneShare };
