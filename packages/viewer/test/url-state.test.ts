import { describe, expect, it } from "vitest";
import {
  DEFAULT_STATE,
  parseState,
  roundShare,
  simulationKey,
  stateToQuery,
} from "../src/url-state.js";

describe("URL state", () => {
  it("reads adoption as a fraction", () => {
    const { state, problems } = parseState("?adoption=0.6");
    expect(state.adoption).toBe(0.6);
    expect(problems).toEqual([]);
  });

  it("keeps four decimals, as the letters' 16.53%", () => {
    expect(parseState("adoption=0.1653").state.adoption).toBe(0.1653);
    expect(parseState("adoption=0.123456").state.adoption).toBe(0.1235);
    expect(roundShare(0.1 + 0.2)).toBe(0.3);
  });

  it("clamps adoption to 5%–100% and reports it", () => {
    const low = parseState("adoption=0.01");
    expect(low.state.adoption).toBe(0.05);
    expect(low.problems).toHaveLength(1);
    const high = parseState("adoption=60");
    expect(high.state.adoption).toBe(1);
    expect(high.problems[0]).toMatch(/adoption=60/);
  });

  it("keeps defaults for values that are not numbers or choices", () => {
    const { state, problems } = parseState("adoption=abc&seed=1.5&mode=random&lang=fr");
    expect(state.adoption).toBe(DEFAULT_STATE.adoption);
    expect(state.seed).toBe(DEFAULT_STATE.seed);
    expect(state.mode).toBe(DEFAULT_STATE.mode);
    expect(state.lang).toBe("vi");
    expect(problems).toHaveLength(4);
  });

  it("reads every setting", () => {
    const q =
      "scenario=dak-nong-2020-08-13&adoption=0.25&mode=policy&seed=7&seeds=3&agents=5000&f0=5&f0from=app&ble=ideal&design=gaen&band=ci&net=2&lang=en&presenter=1&live=http://127.0.0.1:8080";
    const { state, problems } = parseState(q, DEFAULT_STATE, ["dak-nong-2020-08-13"]);
    expect(problems).toEqual([]);
    expect(state).toEqual({
      scenario: "dak-nong-2020-08-13",
      adoption: 0.25,
      mode: "policy",
      seed: 7,
      seeds: 3,
      agents: 5000,
      f0: 5,
      f0From: "app",
      ble: "ideal",
      design: "gaen",
      band: "ci",
      net: 2,
      lang: "en",
      presenter: true,
      live: "http://127.0.0.1:8080",
    });
  });

  it("refuses unknown scenarios and non-http live URLs", () => {
    const r = parseState("scenario=atlantis&live=javascript:alert(1)", DEFAULT_STATE, ["a"]);
    expect(r.state.scenario).toBe(DEFAULT_STATE.scenario);
    expect(r.state.live).toBe("");
    expect(r.problems).toHaveLength(2);
  });

  it("round-trips through the query string", () => {
    const s = {
      ...DEFAULT_STATE,
      adoption: 0.1653,
      seed: 42,
      lang: "en" as const,
      presenter: true,
    };
    const back = parseState(stateToQuery(s)).state;
    expect(back).toEqual(s);
    expect(stateToQuery(DEFAULT_STATE)).not.toMatch(/presenter|live/);
    expect(stateToQuery(s)).toMatch(/seed=42/);
  });

  it("carries the design: in the query, in the simulation key, only a design the page runs", () => {
    const gaen = parseState("?design=gaen").state;
    expect(gaen.design).toBe("gaen");
    expect(DEFAULT_STATE.design).toBe("bluezone");
    expect(stateToQuery(gaen)).toMatch(/(^|&)design=gaen(&|$)/);
    expect(parseState(stateToQuery(gaen)).state).toEqual(gaen);
    expect(simulationKey(gaen)).not.toBe(simulationKey(DEFAULT_STATE));
    const bad = parseState("?design=bluetrace", DEFAULT_STATE, undefined, ["bluezone", "gaen"]);
    expect(bad.state.design).toBe("bluezone");
    expect(bad.problems).toEqual(["design=bluetrace: one of bluezone, gaen"]);
    expect(parseState("?design=nope").problems).toHaveLength(1);
  });

  it("the simulation key ignores language, band and presenter mode", () => {
    const a = simulationKey(DEFAULT_STATE);
    expect(simulationKey({ ...DEFAULT_STATE, lang: "en", band: "ci", presenter: true })).toBe(a);
    expect(simulationKey({ ...DEFAULT_STATE, mode: "policy" })).not.toBe(a);
  });
});
