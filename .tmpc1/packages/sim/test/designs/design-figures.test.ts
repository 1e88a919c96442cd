import { DEFAULT_GAEN_EXPOSURE } from "@tracebed/protocol";
import { beforeAll, describe, expect, it } from "vitest";
import { decisionParams } from "../../src/core/ble/path-loss.js";
import { FLAG_APP, type SimConfig, simulate } from "../../src/core/index.js";
import { blueTraceExpected } from "../../src/designs/bluetrace.js";
import { gaenOracle } from "../../src/designs/gaen.js";
import {
  type DesignRun,
  designPrivacy,
  simDesignNames,
  simulateDesign,
} from "../../src/designs/index.js";
import { testConfig } from "../core/fixture.js";

const DAY = 86_400;
// A realistic radio with iPhones (a quarter of phones, mostly in the background).
const base = testConfig({ days: 8 });
const config: SimConfig = {
  ...base,
  regions: [{ id: "a", name: "A", agents: 5_000 }],
  ble: { ...base.ble, mode: "realistic" },
  f0: { count: 30, from: "appUsers" },
};

const runs = new Map<string, DesignRun>();
beforeAll(async () => {
  for (const name of simDesignNames()) runs.set(name, await simulateDesign(config, name));
  runs.set("gaen-upload", await simulateDesign(config, "gaen", { gaen: { f1UploadShare: 0.5 } }));
}, 120_000);

describe("a run through a design", () => {
  it("Bluezone's figures are the simulator's own, with no design field", async () => {
    const plain = await simulate(config);
    const bz = runs.get("bluezone")!;
    expect(JSON.stringify(bz.result)).toBe(JSON.stringify(plain.result));
    expect("design" in bz.result).toBe(false);
  });

  it("the truth is the same in every design; only the app-found sets move", () => {
    const bz = runs.get("bluezone")!.result;
    const gaen = runs.get("gaen")!.result;
    expect(gaen.design).toBe("gaen");
    expect(gaen.f1.true).toBe(bz.f1.true);
    expect(gaen.f2.true).toBe(bz.f2.true);
    expect(gaen.perF0.f1.true).toEqual(bz.perF0.f1.true);
    expect(gaen.perF0.f1.manual).toEqual(bz.perF0.f1.manual);
    expect(gaen.adoption).toEqual(bz.adoption);
  });

  it("GAEN's F2 found is 0 when no F1 uploads, and > 0 when half do", () => {
    const gaen = runs.get("gaen")!;
    expect(gaen.finds.f2.size).toBe(0);
    expect(gaen.result.f2.detected).toBe(0);
    expect(gaen.result.f2.falsePositives).toBe(0);
    expect(gaen.result.perF0.f2.app.mean).toBe(0);
    const up = runs.get("gaen-upload")!;
    expect(up.result.f2.detected).toBeGreaterThan(0);
    expect([...up.finds.f1.keys()].sort()).toEqual([...gaen.finds.f1.keys()].sort());
  });

  it("GAEN's F1 found differs from Bluezone's on a realistic run with iPhones", () => {
    const bz = runs.get("bluezone")!.finds.f1;
    const gaen = runs.get("gaen")!.finds.f1;
    expect(bz.size).toBeGreaterThan(10);
    expect(gaen.size).toBeGreaterThan(10);
    const onlyOne = [...gaen.keys()].filter((a) => !bz.has(a)).length;
    const onlyOther = [...bz.keys()].filter((a) => !gaen.has(a)).length;
    expect(onlyOne + onlyOther).toBeGreaterThan(0);
  });

  it("GAEN's pooled sets are its oracle's (the figures `tracebed compare` expects)", () => {
    for (const key of ["gaen", "gaen-upload"]) {
      const run = runs.get(key)!;
      const { engine, outbreak } = run;
      const verdict = gaenOracle(engine, {
        f0: outbreak.sets.f0.filter((a) => (engine.population.flags[a]! & FLAG_APP) !== 0),
        firstDay: Math.floor(outbreak.window.start / DAY),
        lastDay: Math.floor((outbreak.window.end - 1) / DAY),
        publishedBy: outbreak.window.end,
        exposure: DEFAULT_GAEN_EXPOSURE,
        f1UploadShare: key === "gaen" ? 0 : 0.5,
      });
      expect([...run.finds.f1.keys()].sort((a, b) => a - b)).toEqual(
        [...verdict.f1].sort((a, b) => a - b),
      );
      expect([...run.finds.f2].sort((a, b) => a - b)).toEqual(
        [...verdict.f2].sort((a, b) => a - b),
      );
    }
  });

  it("per-F0 figures exist for each design, and each chain's F1 are inside the pooled set", () => {
    for (const [key, run] of runs) {
      const { perF0, notifiedPerAppF0 } = run.result;
      expect(perF0.f1.app.n, key).toBe(run.result.f0);
      expect(perF0.f1.app.mean, key).not.toBeNull();
      expect(perF0.f2.app.mean, key).not.toBeNull();
      expect(notifiedPerAppF0.n, key).toBeGreaterThan(0);
      const pooled = new Set([...run.finds.f1.keys(), ...run.outbreak.sets.f0]);
      for (const c of run.outbreak.chains)
        for (const p of c.appF1.keys()) expect(pooled.has(p)).toBe(true);
    }
  });

  it("counts what each design's server learns: GAEN no edge, Bluezone every F1 it notified", () => {
    const bz = runs.get("bluezone")!;
    const gaen = runs.get("gaen")!;
    const up = runs.get("gaen-upload")!;
    const p = designPrivacy(bz);
    // Every notified F1 uploaded and is tied to its F0: known, on an edge.
    expect(p.nonIndexPhonesKnown).toBeGreaterThanOrEqual(bz.finds.f1.size);
    expect(p.contactEdgesKnown).toBeGreaterThanOrEqual(bz.finds.f1.size);
    expect(designPrivacy(gaen)).toEqual({ nonIndexPhonesKnown: 0, contactEdgesKnown: 0 });
    const q = designPrivacy(up, { gaen: { f1UploadShare: 0.5 } });
    expect(q.contactEdgesKnown).toBe(0);
    // Binomial(F1, 0.5) uploaders: within 5 sd of half.
    const n = up.finds.f1.size;
    expect(Math.abs(q.nonIndexPhonesKnown - n / 2)).toBeLessThan(5 * Math.sqrt(n / 4) + 1);
  });

  it("BlueTrace's pooled sets are its oracle's (the figures `tracebed load --design bluetrace` expects)", () => {
    const run = runs.get("bluetrace")!;
    const oracle = blueTraceExpected(run.engine, run.outbreak, decisionParams(run.engine.config));
    const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);
    expect(sorted(run.finds.f1.keys())).toEqual(sorted(oracle.f1.keys()));
    expect(sorted(run.finds.f2)).toEqual(sorted(oracle.f2));
    expect(run.finds.f1.size).toBeGreaterThan(10);
    // Every F1 is asked for its log: BlueTrace finds F2 without anyone choosing to upload.
    expect(run.finds.f2.size).toBeGreaterThan(0);
  });

  it("BlueTrace's server learns every F1 it notified, tied to its F0", () => {
    const bt = runs.get("bluetrace")!;
    const p = designPrivacy(bt);
    // Each notified F1 uploaded its whole log: it and its F0 are on an edge at least.
    expect(p.nonIndexPhonesKnown).toBeGreaterThanOrEqual(bt.finds.f1.size);
    expect(p.contactEdgesKnown).toBeGreaterThanOrEqual(bt.finds.f1.size);
  });
});
