import { DESIGN_NAMES, type DesignName } from "@tracebed/protocol";
import { isLang, type Lang } from "./i18n.js";

/**
 * Every setting of the viewer lives in the page's address, so a link reproduces the screen
 * (seed too). Shares are fractions 0–1, as everywhere in tracebed: `?adoption=0.6`.
 */

export type Mode = "uniform" | "policy";
export type Band = "pct" | "ci";

export interface ViewState {
  scenario: string;
  /** Share of the whole population with the app (the slider). */
  adoption: number;
  /** Uniform random adoption, or the scenario's own policy scaled to the slider (`--target`). */
  mode: Mode;
  /** First seed: the sweep runs seeds seed … seed + seeds − 1; the network view uses seed. */
  seed: number;
  /** Runs per sweep point. */
  seeds: number;
  /** Simulated people per run (a sample of the scenario, regions in proportion). */
  agents: number;
  f0: number;
  f0From: "all" | "app";
  ble: "realistic" | "ideal";
  /** Whose rule finds the F1/F2 (docs/PROTOCOLS.md); the truth is the same in every design. */
  design: DesignName;
  band: Band;
  /** F0 shown in the network view. */
  net: number;
  lang: Lang;
  presenter: boolean;
  /** A matcher's base URL for the live feed ("" = not set). */
  live: string;
}

interface IntRange {
  min: number;
  max: number;
}

export const LIMITS = {
  adoption: { min: 0.05, max: 1 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  seeds: { min: 1, max: 50 },
  agents: { min: 1_000, max: 500_000 },
  f0: { min: 1, max: 200 },
  net: { min: 1, max: 17 },
} as const satisfies Record<string, IntRange>;

export const DEFAULT_STATE: ViewState = {
  scenario: "hung-yen-2020-08-18",
  adoption: 0.6,
  mode: "uniform",
  seed: 1,
  seeds: 8,
  // 17 F0 (the letters' figure) need ≈ 200,000 people before their F2 stop crowding the
  // sample; smaller samples undercount F2 (saturation.ts; measurements in the README).
  agents: 200_000,
  f0: 17,
  f0From: "all",
  ble: "realistic",
  design: "bluezone",
  band: "pct",
  net: 3,
  lang: "vi",
  presenter: false,
  live: "",
};

/** Adoption as written in the URL: at most four decimals (0.1653), no float noise. */
export function roundShare(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

export function clampAdoption(x: number): number {
  return roundShare(Math.min(LIMITS.adoption.max, Math.max(LIMITS.adoption.min, x)));
}

const ENUMS = {
  mode: ["uniform", "policy"],
  f0from: ["all", "app"],
  ble: ["realistic", "ideal"],
  band: ["pct", "ci"],
} as const;

export interface ParsedState {
  state: ViewState;
  /** One line per setting that was not valid (it keeps its default, or is clamped). */
  problems: string[];
}

/**
 * The view state from a query string (`?adoption=0.6&seed=3…`), on top of `defaults`. Unknown
 * parameters are ignored; bad values keep the default and are reported; out-of-range
 * numbers are clamped and reported.
 */
export function parseState(
  query: string | URLSearchParams,
  defaults: ViewState = DEFAULT_STATE,
  knownScenarios?: readonly string[],
  /** The designs the page can run (the simulator's registry); default every design name. */
  knownDesigns: readonly DesignName[] = DESIGN_NAMES,
): ParsedState {
  const q = typeof query === "string" ? new URLSearchParams(query) : query;
  const state: ViewState = { ...defaults };
  const problems: string[] = [];

  const number = (name: string, range: IntRange, integer: boolean): number | undefined => {
    const raw = q.get(name);
    if (raw === null || raw.trim() === "") return undefined;
    const x = Number(raw);
    if (!Number.isFinite(x) || (integer && !Number.isInteger(x))) {
      problems.push(`${name}=${raw}: not ${integer ? "a whole number" : "a number"}`);
      return undefined;
    }
    if (x < range.min || x > range.max) {
      problems.push(`${name}=${raw}: outside ${range.min}–${range.max}`);
      return Math.min(range.max, Math.max(range.min, x));
    }
    return x;
  };
  const choice = <T extends string>(name: string, options: readonly T[]): T | undefined => {
    const raw = q.get(name);
    if (raw === null || raw === "") return undefined;
    if ((options as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name}=${raw}: one of ${options.join(", ")}`);
    return undefined;
  };

  const adoption = number("adoption", LIMITS.adoption, false);
  if (adoption !== undefined) state.adoption = clampAdoption(adoption);
  state.seed = number("seed", LIMITS.seed, true) ?? state.seed;
  state.seeds = number("seeds", LIMITS.seeds, true) ?? state.seeds;
  state.agents = number("agents", LIMITS.agents, true) ?? state.agents;
  state.f0 = number("f0", LIMITS.f0, true) ?? state.f0;
  state.net = number("net", LIMITS.net, true) ?? state.net;
  state.mode = choice("mode", ENUMS.mode) ?? state.mode;
  state.f0From = choice("f0from", ENUMS.f0from) ?? state.f0From;
  state.ble = choice("ble", ENUMS.ble) ?? state.ble;
  state.band = choice("band", ENUMS.band) ?? state.band;
  state.design = choice("design", knownDesigns) ?? state.design;

  const scenario = q.get("scenario");
  if (scenario !== null && scenario !== "") {
    if (knownScenarios === undefined || knownScenarios.includes(scenario)) {
      state.scenario = scenario;
    } else problems.push(`scenario=${scenario}: one of ${knownScenarios.join(", ")}`);
  }
  const lang = q.get("lang");
  if (lang !== null && lang !== "") {
    if (isLang(lang)) state.lang = lang;
    else problems.push(`lang=${lang}: one of vi, en`);
  }
  const presenter = q.get("presenter");
  if (presenter !== null) state.presenter = presenter === "" || presenter === "1";
  const live = q.get("live");
  if (live !== null) {
    if (live === "" || /^https?:\/\//.test(live)) state.live = live;
    else problems.push(`live=${live}: an http:// or https:// URL`);
  }
  return { state, problems };
}

/**
 * The query string of a state (without "?"): every setting, in a fixed order, so that a
 * copied link reproduces the screen; presenter and live only when set.
 */
export function stateToQuery(s: ViewState): string {
  const q = new URLSearchParams();
  q.set("scenario", s.scenario);
  q.set("adoption", String(roundShare(s.adoption)));
  q.set("mode", s.mode);
  q.set("seed", String(s.seed));
  q.set("seeds", String(s.seeds));
  q.set("agents", String(s.agents));
  q.set("f0", String(s.f0));
  q.set("f0from", s.f0From);
  q.set("ble", s.ble);
  q.set("design", s.design);
  q.set("band", s.band);
  q.set("net", String(s.net));
  q.set("lang", s.lang);
  if (s.presenter) q.set("presenter", "1");
  if (s.live !== "") q.set("live", s.live);
  return q.toString();
}

/** The settings that change the simulated runs (not the language, band or presenter mode). */
export function simulationKey(s: ViewState): string {
  return [s.scenario, s.mode, s.agents, s.f0, s.f0From, s.ble, s.design].join("|");
}
