import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tracebed, tracebedJson } from "./cli.js";

const SMALL = ["--agents", "15000", "--days", "7"];
const DESIGN_RUN = ["--agents", "6000", "--days", "7"];
const scenariosDir = new URL("../../../scenarios/", import.meta.url).pathname;

describe("tracebed simulate", () => {
  test("prints the documented JSON document", () => {
    const d = tracebedJson("simulate", "hung-yen-2020-08-18", ...SMALL);
    expect(d.schemaVersion).toBe(2);
    expect(d.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(d.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(d.scenario).toBe("hung-yen-2020-08-18");
    expect(d).toMatchObject({ seed: 1, agents: 15000, days: 7 });
    for (const k of ["population", "adults", "smartphoneUsers"])
      expect(typeof d.adoption.realised[k]).toBe("number");
    expect(d.adoption.byRegion.length).toBeGreaterThan(1);
    for (const r of d.adoption.byRegion)
      expect(Object.keys(r)).toEqual(expect.arrayContaining(["region", "target", "realised"]));
    expect(Object.keys(d.contactsPerAgentPerDay)).toEqual(
      expect.arrayContaining(["household", "workplace", "community"]),
    );
    expect(typeof d.f0).toBe("number");
    for (const f of [d.f1, d.f2]) {
      for (const k of [
        "true",
        "detected",
        "falsePositives",
        "recall",
        "precision",
        "beyondManual",
        "byRegion",
        "byGroup",
      ]) {
        expect(f).toHaveProperty(k);
      }
    }
    for (const k of ["seconds", "agentDaysPerSecond", "contactPairsPerSecond", "peakRssBytes"])
      expect(d.perf[k]).toBeGreaterThan(0);
    // Per index case: each F0's own chain, as mean, percentiles and a CI over F0.
    for (const step of [d.perF0.f1, d.perF0.f2]) {
      for (const k of ["true", "app", "manual", "recall"]) {
        const o = step[k];
        expect(Object.keys(o)).toEqual(expect.arrayContaining(["mean", "p5", "p95", "ci95"]));
        expect(o.ci95[0]).toBeLessThanOrEqual(o.mean);
        expect(o.ci95[1]).toBeGreaterThanOrEqual(o.mean);
      }
      expect(step.recall.mean).toBeGreaterThanOrEqual(0);
      expect(step.recall.mean).toBeLessThanOrEqual(1);
    }
    expect(d.perF0.beyondManual.mean).toBeGreaterThanOrEqual(0);
    expect(d.definitions.f2).toMatch(/exposure/);
    for (const k of ["sampleAgents", "perAgentPerDay", "perAgentPerRun"])
      expect(d.distinctContacts).toHaveProperty(k);
    expect(d.people).toBeUndefined();
  }, 120_000);

  test("--detail lists every true or notified F0/F1/F2 with its exposure day and path", () => {
    const d = tracebedJson("simulate", "hung-yen-2020-08-18", ...SMALL, "--f0", "5", "--detail");
    const rows = d.people as {
      id: number;
      role: string | null;
      exposureDay: number | null;
      via: number | null;
      app: boolean;
      manual: boolean;
    }[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(rows.filter((r) => r.role === "F0").length).toBe(d.f0);
    expect(rows.filter((r) => r.role === "F1").length).toBe(d.f1.true);
    expect(rows.filter((r) => r.role === "F2").length).toBe(d.f2.true);
    for (const r of rows) {
      if (r.role === "F1") expect(byId.get(r.via!)?.role).toBe("F0");
      if (r.role === "F2") {
        const via = byId.get(r.via!)!;
        expect(via.role).toBe("F1");
        // Causal: an F2's qualifying contact is on or after its F1's exposure.
        expect(r.exposureDay!).toBeGreaterThanOrEqual(via.exposureDay!);
      }
    }
  }, 120_000);

  test("same scenario, flags and seed give the same document apart from perf, whatever the threads", {
    timeout: 180_000,
  }, () => {
    const strip = (d: Record<string, unknown>) =>
      JSON.stringify({ ...d, perf: undefined, run: undefined });
    const a = tracebedJson("simulate", "dak-nong-2020-08-13", ...SMALL, "--threads", "0");
    const b = tracebedJson("simulate", "dak-nong-2020-08-13", ...SMALL, "--threads", "2");
    expect(strip(b)).toBe(strip(a));
    const c = tracebedJson("simulate", "dak-nong-2020-08-13", ...SMALL, "--seed", "2");
    expect(strip(c)).not.toBe(strip(a));
  });

  test("every scenario file runs", { timeout: 300_000 }, () => {
    const index = JSON.parse(readFileSync(join(scenariosDir, "index.json"), "utf8"));
    for (const s of index.scenarios) {
      const d = tracebedJson("simulate", s.id, "--agents", "8000", "--days", "3");
      expect(d.scenario).toBe(s.id);
      expect(d.agents).toBe(8000);
    }
    // Six whole CLI runs one after another: on two shared cores that can pass 30 s.
  });

  test("--adoption is uniform and realised within ±0.01; --target scales the policy on its denominator", () => {
    const u = tracebedJson("simulate", "dak-nong-2020-08-13", ...SMALL, "--adoption", "0.6");
    expect(Math.abs(u.adoption.realised.population - 0.6)).toBeLessThan(0.01);
    const t = tracebedJson("simulate", "dak-nong-2020-08-13", ...SMALL, "--target", "0.3");
    // Đắk Nông's target is stated on adults.
    expect(t.adoption.byRegion[0].denominator).toBe("adults");
    // A policy counts installs; active apps are the scenario's share of them.
    expect(Math.abs(t.adoption.installs.adults - 0.3)).toBeLessThan(0.02);
    expect(t.adoption.realised.adults).toBeLessThan(t.adoption.installs.adults);
    expect(u.adoption.installs.population).toBeGreaterThan(u.adoption.realised.population);
    const regional = t.adoption.byRegion.map((r: { realised: number }) => r.realised);
    expect(Math.max(...regional) - Math.min(...regional)).toBeGreaterThan(0.05);
  });

  test("--design gaen: that design's app-found sets on the same truth; bluezone's document unchanged", {
    timeout: 180_000,
  }, () => {
    const strip = (d: Record<string, unknown>) => JSON.stringify({ ...d, perf: undefined });
    const plain = tracebedJson("simulate", "dak-nong-2020-08-13", ...DESIGN_RUN);
    const bz = tracebedJson(
      "simulate",
      "dak-nong-2020-08-13",
      ...DESIGN_RUN,
      "--design",
      "bluezone",
    );
    expect(strip(bz)).toBe(strip(plain));
    expect(plain.design).toBeUndefined();
    const gaen = tracebedJson("simulate", "dak-nong-2020-08-13", ...DESIGN_RUN, "--design", "gaen");
    expect(gaen.design).toBe("gaen");
    expect(gaen.designNote).toMatch(/exposure rule/);
    expect(gaen.f1.true).toBe(plain.f1.true);
    expect(gaen.f2.true).toBe(plain.f2.true);
    // GAEN's F2 come only from F1 who upload: none by default.
    expect(gaen.f2.detected).toBe(0);
    expect(gaen.perF0.f2.app.mean).toBe(0);
    expect(gaen.perF0.f1.app.n).toBe(plain.perF0.f1.app.n);
    const text = tracebed("simulate", "dak-nong-2020-08-13", ...DESIGN_RUN, "--design", "gaen");
    expect(text.stdout).toMatch(/design gaen/);
    const refused = tracebed("simulate", "--design", "bluezone", "--gaen-f1-upload", "0.5");
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
  });

  test("without --json it prints a readable summary", () => {
    const r = tracebed("simulate", "hung-yen-2020-08-18", ...SMALL);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/F1 +true \d+/);
    expect(r.stdout).toMatch(/beyond manual tracing/);
    expect(r.stdout).toMatch(/installs +[\d.]+% of population/);
    expect(r.stdout).toMatch(/active apps +[\d.]+% of population/);
  });
});

describe("bad input: exit 2, one line on stderr, nothing on stdout", () => {
  const dir = mkdtempSync(join(tmpdir(), "tracebed-cli-"));
  const broken = join(dir, "broken.json");
  const good = JSON.parse(readFileSync(join(scenariosDir, "hung-yen-2020-08-18.json"), "utf8"));
  good.regions[3].population = -5;
  writeFileSync(broken, JSON.stringify(good));
  const cases: [string, string[], RegExp][] = [
    ["unknown scenario", ["simulate", "atlantis"], /atlantis/],
    [
      "malformed scenario file",
      ["simulate", broken],
      /regions\[3\]\.population: must be a positive integer/,
    ],
    ["adoption out of range", ["simulate", "--adoption", "1.5"], /--adoption/],
    [
      "adoption and target",
      ["simulate", "--adoption", "0.5", "--target", "0.5"],
      /cannot be used with/,
    ],
    ["zero days", ["simulate", "--days", "0"], /--days/],
    ["too many days", ["simulate", "--days", "500"], /--days/],
    ["negative seed", ["simulate", "--seed", "-1"], /--seed/],
    ["bad f0-from", ["simulate", "--f0-from", "some"], /--f0-from/],
    ["bad ble", ["simulate", "--ble", "perfect"], /--ble/],
    [
      "sweep without seeds",
      ["sweep", "hung-yen-2020-08-18", "--adoption", "0.1:0.2:0.1"],
      /--seeds/,
    ],
    ["sweep without a range", ["sweep", "hung-yen-2020-08-18", "--seeds", "2"], /exactly one of/],
    [
      "sweep with a bad range",
      ["sweep", "hung-yen-2020-08-18", "--seeds", "2", "--adoption", "0.1:0.2"],
      /FROM:TO:STEP/,
    ],
    [
      "sweep with a share above 1",
      ["sweep", "hung-yen-2020-08-18", "--seeds", "2", "--adoption", "0.5:1.5:0.5"],
      /fractions/,
    ],
    ["export without --out", ["export", "hung-yen-2020-08-18"], /--out/],
  ];
  for (const [name, args, message] of cases) {
    test(name, () => {
      const r = tracebed(...args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    });
  }
});

describe("tracebed sweep", () => {
  test("per point: mean, 95% CI, 5th–95th percentiles, a² and a³; TO is included; CSV parses", () => {
    const csv = join(mkdtempSync(join(tmpdir(), "tracebed-sweep-")), "sweep.csv");
    const d = tracebedJson(
      "sweep",
      "hung-yen-2020-08-18",
      "--adoption",
      "0.1:0.5:0.2",
      "--seeds",
      "3",
      "--agents",
      "6000",
      "--days",
      "5",
      "--ble",
      "ideal",
      "--csv",
      csv,
      "--by",
      "region",
    );
    expect(d.schemaVersion).toBe(2);
    expect(d.points.map((p: { value: number }) => p.value)).toEqual([0.1, 0.3, 0.5]);
    for (const p of d.points) {
      const r = p.f1.recall;
      expect(r.ci95[0]).toBeLessThanOrEqual(r.mean);
      expect(r.ci95[1]).toBeGreaterThanOrEqual(r.mean);
      expect(r.p5).toBeLessThanOrEqual(r.p95);
      expect(p.reference.a2).toBeCloseTo(p.adoption.mean ** 2, 10);
      expect(p.reference.a3).toBeCloseTo(p.adoption.mean ** 3, 10);
      expect(p.byRegion.length).toBeGreaterThan(1);
    }
    const rows = readFileSync(csv, "utf8")
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    expect(rows[0]).toEqual(
      expect.arrayContaining(["value", "region", "f1_recall_mean", "a2", "a3"]),
    );
    expect(rows.length).toBe(1 + 3 * d.points[0].byRegion.length);
    for (const row of rows.slice(1)) expect(row).toHaveLength(rows[0]!.length);
  });
});
