import { readFileSync } from "node:fs";
import { parseScenario, smartphoneShare } from "@tracebed/sim";
import { describe, expect, it } from "vitest";
import { jobConfig, sweepGrid, UNIFORM_GRID } from "../src/jobs.js";

const load = (id: string) =>
  parseScenario(
    JSON.parse(readFileSync(new URL(`../../../scenarios/${id}.json`, import.meta.url), "utf8")),
    id,
  );

const job = {
  mode: "uniform" as const,
  value: 0.6,
  seed: 3,
  agents: 5000,
  f0: 17,
  f0From: "all" as const,
  ble: "realistic" as const,
  design: "bluezone" as const,
};

describe("jobs", () => {
  it("uniform runs give that share of everyone", () => {
    const c = jobConfig(load("hung-yen-2020-08-18"), job);
    expect(c.adoption).toEqual({ mode: "uniform", share: 0.6 });
    expect(c.seed).toBe(3);
    expect(c.regions.reduce((a, r) => a + r.agents, 0)).toBe(5000);
    expect(c.f0).toEqual({ count: 17, from: "all" });
  });

  it("policy runs restate the slider on the target's denominator (Đắk Nông: adults)", () => {
    const s = load("dak-nong-2020-08-13");
    const c = jobConfig(s, { ...job, mode: "policy", value: 0.432, f0From: "app", ble: "ideal" });
    expect(c.adoption.mode).toBe("policy");
    if (c.adoption.mode !== "policy") return;
    expect(c.adoption.denominator).toBe("adults");
    // 8 districts scaled from their counted users; Gia Nghĩa (21%) stays the highest.
    expect(c.adoption.byRegion).toHaveLength(8);
    expect(Math.max(...c.adoption.byRegion)).toBe(c.adoption.byRegion[0]);
    expect(c.f0.from).toBe("appUsers");
    expect(c.ble.mode).toBe("ideal");
  });

  it("sweeps cover 8% → 60% (uniform: 5% → 100%; policy: up to smartphone owners)", () => {
    const s = load("hung-yen-2020-08-18");
    const u = sweepGrid(s, "uniform");
    expect(u).toEqual([...UNIFORM_GRID]);
    expect(u).toContain(0.08);
    expect(u).toContain(0.6);
    const p = sweepGrid(s, "policy");
    expect(p.at(-1)).toBeCloseTo(smartphoneShare(s), 2);
    expect(p.every((v, i) => i === 0 || v > p[i - 1]!)).toBe(true);
  });
});

describe("the sweep's first look", () => {
  it("takes 8 grid values over the whole range, the ends and the letters' 8% and 60% among them", async () => {
    const { firstLookGrid } = await import("../src/sweep-runner.js");
    const { UNIFORM_GRID } = await import("../src/jobs.js");
    const look = firstLookGrid(UNIFORM_GRID);
    expect(look).toHaveLength(8);
    for (const v of [0.05, 0.08, 0.6, 1]) expect(look).toContain(v);
    expect([...look].sort((a, b) => a - b)).toEqual(look);
    expect(firstLookGrid([0.1, 0.2])).toEqual([0.1, 0.2]);
  });
});
