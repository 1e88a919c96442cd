import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  listScenarioFiles,
  loadDefaultScenario,
  loadScenarioFile,
  loadScenarioIndex,
  scenariosDir,
} from "../../src/node/scenarios/scenario-files.js";
import { DEFAULT_SCENARIO, ScenarioError } from "../../src/scenario/index.js";

describe("scenario files", () => {
  const files = listScenarioFiles();

  it("are the ones scenarios/index.json lists, each named by place and date", () => {
    const ids = loadScenarioIndex().scenarios.map((e) => e.id);
    expect(files.map((f) => basename(f, ".json"))).toEqual([...ids].sort());
    for (const id of ids) expect(id).toMatch(/^[a-z-]+-2020-\d\d(-\d\d)?$/);
  });

  it.each(files.map((f) => [basename(f)]))("%s parses", (file) => {
    const s = loadScenarioFile(join(scenariosDir(), file));
    expect(`${s.id}.json`).toBe(file);
  });

  it("index.json names the default and lists every file", () => {
    const index = loadScenarioIndex();
    expect(index.default).toBe(DEFAULT_SCENARIO);
    expect(index.scenarios.map((e) => e.file).sort()).toEqual(files.map((f) => basename(f)));
    for (const e of index.scenarios) {
      const s = loadScenarioFile(e.id);
      expect([e.id, e.name, e.nameEn, e.level]).toEqual([s.id, s.name, s.nameEn, s.level]);
    }
  });

  it("loads by bare name, by file name and by path", () => {
    const byName = loadScenarioFile("dak-nong-2020-08-13");
    expect(loadScenarioFile("dak-nong-2020-08-13.json")).toEqual(byName);
    expect(loadScenarioFile(join(scenariosDir(), "dak-nong-2020-08-13.json"))).toEqual(byName);
    expect(loadDefaultScenario().id).toBe("hung-yen-2020-08-18");
  });

  it("an unknown name fails with one line listing the known ones", () => {
    expect(() => loadScenarioFile("ha-noi-2020-08-01")).toThrow(ScenarioError);
    expect(() => loadScenarioFile("ha-noi-2020-08-01")).toThrow(
      /^ha-noi-2020-08-01: no scenario of that name in \S+ \(known: binh-gia-2020-08, can-giuoc-2020-08-14, .*vietnam-2020-08\)$/,
    );
  });

  it("a missing path fails with one line", () => {
    expect(() => loadScenarioFile("/no/such/dir/x.json")).toThrow(
      "x.json: scenario file not found: /no/such/dir/x.json",
    );
  });

  it("bad JSON fails with one line naming the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "tracebed-scenario-"));
    const path = join(dir, "broken.json");
    writeFileSync(path, '{\n  "id": "broken",\n  "days": ,\n}\n');
    let message = "";
    try {
      loadScenarioFile(path);
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/^broken\.json: invalid JSON/);
    expect(message).not.toContain("\n");
  });

  it("a valid JSON file with a wrong field fails with the schema's one line", () => {
    const dir = mkdtempSync(join(tmpdir(), "tracebed-scenario-"));
    const path = join(dir, "empty.json");
    writeFileSync(path, "{}");
    expect(() => loadScenarioFile(path)).toThrow("empty.json: schemaVersion: is required");
  });
});
