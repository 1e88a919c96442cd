import { join } from "node:path";
import {
  listScenarioFiles,
  readJsonFile,
  scenariosDir,
} from "../../src/node/scenarios/scenario-files.js";
import { parseScenario, type Scenario } from "../../src/scenario/index.js";

/** Raw JSON the tests mutate field by field. */
// biome-ignore lint/suspicious/noExplicitAny: tests poke arbitrary paths of raw JSON
export type Json = any;

/** A scenario file's JSON, as read from disk (a fresh copy each call). */
export function rawScenario(id: string): Json {
  return readJsonFile(join(scenariosDir(), `${id}.json`));
}

/** Every scenario file, parsed, by id. */
export function allScenarios(): Map<string, Scenario> {
  const out = new Map<string, Scenario>();
  for (const path of listScenarioFiles()) {
    const s = parseScenario(readJsonFile(path), path);
    out.set(s.id, s);
  }
  return out;
}

export function scenario(id: string): Scenario {
  return parseScenario(rawScenario(id), `${id}.json`);
}

/** The one-line message parseScenario throws for `json`, or "" when it parses. */
export function problemOf(json: unknown, name: string): string {
  try {
    parseScenario(json, name);
    return "";
  } catch (e) {
    return (e as Error).message;
  }
}
