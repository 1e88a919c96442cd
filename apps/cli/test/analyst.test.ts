import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tracebed } from "./cli.js";

/** The analyst's terminal: tables, warnings and progress of simulate and sweep. */

const HUNG_YEN = "hung-yen-2020-08-18";
const SMALL = ["--agents", "6000", "--days", "5"];
const scenario = JSON.parse(
  readFileSync(new URL(`../../../scenarios/${HUNG_YEN}.json`, import.meta.url), "utf8"),
) as { regions: { id: string; name: string }[] };

const warnings = (stderr: string) => stderr.split("\n").filter((l) => l.includes("warning:"));
const num = (s: string) => Number(s.replace(/,/g, "").replace("−", "-"));

describe("tracebed sweep --by region (human output, stderr not a terminal)", () => {
  const csv = join(mkdtempSync(join(tmpdir(), "tracebed-analyst-")), "sweep.csv");
  // Hưng Yên's target is a share of the population; 51.6% of it owns a smartphone.
  const r = tracebed(
    "sweep",
    HUNG_YEN,
    "--target",
    "0.3:0.9:0.6",
    "--seeds",
    "3",
    ...SMALL,
    "--by",
    "region",
    "--csv",
    csv,
  );

  test("prints a row per region at each point", () => {
    expect(r.status).toBe(0);
    for (const at of ["at 0.3 ", "at 0.9 "]) {
      const block = r.stdout.slice(r.stdout.indexOf(at));
      for (const reg of scenario.regions) expect(block).toContain(reg.name);
    }
  });

  test("from → to: each region's people found at both ends and the change between them", () => {
    const block = r.stdout.slice(r.stdout.indexOf("From 0.3 to 0.9"));
    expect(block.length).toBeGreaterThan(0);
    const rows = block
      .split("\n")
      .slice(2)
      .filter((l) => l.includes("→"));
    expect(rows.length).toBe(scenario.regions.length);
    for (const row of rows) {
      const cells = [...row.matchAll(/([\d,]+) → ([\d,]+) \(([+−][\d,]+)\)/g)];
      expect(cells).toHaveLength(2);
      for (const [, from, to, delta] of cells) {
        // Rounded people: the change is the difference within one person of rounding.
        expect(Math.abs(num(to!) - num(from!) - num(delta!))).toBeLessThanOrEqual(1);
      }
    }
  });

  test("warns once, on stderr, that the target was capped, naming the denominator", () => {
    const lines = warnings(r.stderr).filter((l) => l.includes("capped"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/smartphone users/);
    expect(lines[0]).toMatch(/0\.9/);
    expect(lines[0]).not.toMatch(/\(0\.3/);
    expect(r.stdout).not.toMatch(/warning/);
  });

  test("writes progress lines when stderr is not a terminal: start, each point, end", () => {
    const lines = r.stderr.split("\n");
    const start = lines.findIndex((l) => /sweep of .* 2 points × 3 seeds = 6 runs/.test(l));
    const p1 = lines.findIndex((l) => /point 1\/2 .* 3\/6 runs/.test(l));
    const p2 = lines.findIndex((l) => /point 2\/2 .* 6\/6 runs/.test(l));
    const end = lines.findIndex((l) => /sweep finished: 6 runs in [\d.]+ s/.test(l));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(p1).toBeGreaterThan(start);
    expect(p2).toBeGreaterThan(p1);
    expect(end).toBeGreaterThan(p2);
  });

  test("every interval in the CSV lies within [0, 1] for shares and around its mean", () => {
    const [head, ...rows] = readFileSync(csv, "utf8")
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    const col = (name: string) => head!.indexOf(name);
    for (const series of ["f1_recall", "f2_recall", "adoption"]) {
      const [m, lo, hi] = ["mean", "ci95_low", "ci95_high"].map((s) => col(`${series}_${s}`));
      for (const row of rows) {
        const [mean, low, high] = [m, lo, hi].map((i) => Number(row[i!]));
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(mean! + 1e-6);
        expect(high).toBeGreaterThanOrEqual(mean! - 1e-6);
      }
    }
  });
});

describe("tracebed sweep --json", () => {
  test("names the interval's method and keeps recall intervals within [0, 1] with few seeds", () => {
    const r = tracebed(
      "sweep",
      HUNG_YEN,
      "--adoption",
      "0.04:0.08:0.04",
      "--seeds",
      "3",
      ...SMALL,
      "--json",
    );
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.ci95Method).toMatchObject({ name: "percentile-bootstrap", over: "seeds" });
    expect(Array.isArray(d.warnings)).toBe(true);
    for (const p of d.points) {
      for (const s of [p.f1.recall, p.f2.recall]) {
        expect(s.ci95[0]).toBeGreaterThanOrEqual(0);
        expect(s.ci95[1]).toBeLessThanOrEqual(1);
      }
      expect(p.adoptionShortfall.mean).toBe(0);
      expect(typeof p.saturation.saturated).toBe("boolean");
    }
  });
});

describe("tracebed sweep --by group", () => {
  test("prints a row per group at each point and the from → to table", () => {
    const r = tracebed(
      "sweep",
      HUNG_YEN,
      "--adoption",
      "0.2:0.6:0.4",
      "--seeds",
      "1",
      ...SMALL,
      "--by",
      "group",
      "--json",
    );
    const groups = JSON.parse(r.stdout).points[0].byGroup.map((g: { group: string }) => g.group);
    expect(groups.length).toBeGreaterThan(1);
    const h = tracebed(
      "sweep",
      HUNG_YEN,
      "--adoption",
      "0.2:0.6:0.4",
      "--seeds",
      "1",
      ...SMALL,
      "--by",
      "group",
    );
    expect(h.status).toBe(0);
    const deltas = h.stdout.slice(h.stdout.indexOf("From 0.2 to 0.6"));
    for (const g of groups) {
      expect(h.stdout.slice(h.stdout.indexOf("at 0.2 "))).toMatch(new RegExp(`^${g} `, "m"));
      expect(deltas).toMatch(new RegExp(`^${g} +[\\d,]+ → [\\d,]+ \\([+−]`, "m"));
    }
  });
});

describe("tracebed simulate warnings", () => {
  test("a capped target and a saturated sample: one line each, also in the JSON", () => {
    const r = tracebed(
      "simulate",
      HUNG_YEN,
      "--target",
      "0.6",
      "--agents",
      "20000",
      "--days",
      "5",
      // 40 F0 in 20,000 people: far past the saturation limit whatever the draw.
      "--f0",
      "40",
      "--json",
    );
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout);
    const lines = warnings(r.stderr);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/capped by smartphone users/);
    expect(lines[0]).toMatch(/of the population/);
    expect(d.adoption.shortfall).toBeGreaterThan(0);
    expect(lines[1]).toMatch(/sample too small for its F0/);
    expect(lines[1]).toMatch(new RegExp(`--agents ${d.saturation.suggestedAgents}`));
    expect(d.saturation.saturated).toBe(true);
    expect(d.warnings).toHaveLength(2);
  });

  test("neither warning when the target fits and the sample holds its F0", () => {
    const r = tracebed(
      "simulate",
      HUNG_YEN,
      "--target",
      "0.3",
      "--agents",
      "20000",
      "--f0",
      "1",
      "--days",
      "5",
      "--json",
    );
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(warnings(r.stderr)).toEqual([]);
    expect(d.adoption.shortfall).toBe(0);
    expect(d.saturation.saturated).toBe(false);
  });
});

describe("tracebed load's F0 line", () => {
  test("says how many of the run's F0 it confirmed and why the others were not", async () => {
    const { f0Note } = await import("../src/commands/load.js");
    const all = f0Note(4, { count: 10, from: "all" });
    expect(all).toMatch(/^4 of the run's 10 F0 confirmed/);
    expect(all).toMatch(/only those with the app/);
    expect(all).toMatch(/other 6 have no app/);
    expect(all).toMatch(/--f0-from app-users/);
    expect(f0Note(10, { count: 10, from: "appUsers" })).toMatch(/every one confirmed/);
    expect(f0Note(8, { count: 10, from: "appUsers" })).toMatch(/2 could not be confirmed/);
  });
});
