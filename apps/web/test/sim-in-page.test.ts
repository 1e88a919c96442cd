import { readFileSync } from "node:fs";
import {
  configFromScenario,
  FLAG_APP,
  inlineRunner,
  parseScenario,
  type SimResult,
  simulate,
  sweep,
} from "@tracebed/sim";
import { graphCounts } from "@tracebed/viewer";
import { describe, expect, it } from "vitest";
import { contactGraph } from "../src/contact-graph.js";
import { summarizeDone } from "../src/sweep-runner.js";

const id = "hung-yen-2020-08-18";
const s = parseScenario(
  JSON.parse(readFileSync(new URL(`../../../scenarios/${id}.json`, import.meta.url), "utf8")),
  id,
);
const config = (share: number, seed: number, ble: "ideal" | "realistic" = "realistic") =>
  configFromScenario(s, { seed, agents: 3000, adoption: { kind: "uniform", share }, ble });

describe("the sweep in the page", () => {
  it("summarises finished runs exactly as tracebed sweep does", async () => {
    const grid = [0.08, 0.6];
    const seeds = [1, 2, 3];
    const full = await sweep(grid, seeds, config, inlineRunner);
    const results = new Map<string, SimResult>();
    for (const v of grid)
      for (const seed of seeds)
        results.set(`${v}|${seed}`, (await simulate(config(v, seed))).result);
    const mine = await summarizeDone(grid, seeds, (v, seed) => results.get(`${v}|${seed}`));
    expect(mine).toEqual(full.points);
  });

  it("summarises a point as soon as one of its seeds is done", async () => {
    const r = (await simulate(config(0.3, 1))).result;
    const pts = await summarizeDone([0.08, 0.3], [1, 2], (v, seed) =>
      v === 0.3 && seed === 1 ? r : undefined,
    );
    expect(pts.map((p) => p.value)).toEqual([0.3]);
    expect(pts[0]!.f1.recall.n).toBe(r.f1.recall === null ? 0 : 1);
  });
});

describe("the contact network", () => {
  it("holds the F0, their true F1 and those F1's true F2", async () => {
    const run = await simulate(config(0.6, 2, "ideal"));
    const g = contactGraph(run, 3);
    const { sets } = run.outbreak;
    const c = graphCounts(g);
    expect(c.f0).toBe(3);
    expect(c.f1).toBeGreaterThan(0);
    expect(c.f2).toBeGreaterThan(c.f1);
    g.role.forEach((role, i) => {
      const agent = g.agent[i]!;
      if (role === 0) expect(sets.f0.slice(0, 3)).toContain(agent);
      if (role === 1) expect(sets.trueF1.has(agent)).toBe(true);
      if (role === 2) expect(sets.trueF2.has(agent)).toBe(true);
    });
    // Every edge joins consecutive roles.
    for (let j = 0; j < g.source.length; j++) {
      expect(g.role[g.target[j]!]! - g.role[g.source[j]!]!).toBe(1);
    }
  });

  it("with ideal BLE an F0–F1 contact is found exactly when both phones have the app", async () => {
    const run = await simulate(config(0.6, 3, "ideal"));
    const g = contactGraph(run, 5);
    const flags = run.engine.population.flags;
    let checked = 0;
    for (let j = 0; j < g.source.length; j++) {
      const a = g.agent[g.source[j]!]!;
      const b = g.agent[g.target[j]!]!;
      if (g.role[g.source[j]!] !== 0) continue;
      const both = (flags[a]! & FLAG_APP) !== 0 && (flags[b]! & FLAG_APP) !== 0;
      expect(g.detected[j], `edge ${a}–${b}`).toBe(both ? 1 : 0);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("is the same graph for the same seed", async () => {
    const a = contactGraph(await simulate(config(0.3, 4)), 2);
    const b = contactGraph(await simulate(config(0.3, 4)), 2);
    expect(b).toEqual(a);
  });
});
