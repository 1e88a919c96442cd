import { plainEnglish, problemLine, problemsOf, ScenarioError } from "./errors.js";
import { type Scenario, scenarioSchema } from "./schema.js";

/** The scenario id a file name implies: `dir/hung-yen-2020-08-18.json` → `hung-yen-2020-08-18`. */
export function scenarioIdOfFile(name: string): string | undefined {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.endsWith(".json") ? base.slice(0, -".json".length) : undefined;
}

/**
 * Validates `json` (already parsed) as a scenario. `name` (the file name) prefixes every
 * message; when it ends in `.json` the scenario's id must match it.
 * @throws ScenarioError with a one-line message: `name: path: rule`.
 */
export function parseScenario(json: unknown, name: string): Scenario {
  const result = scenarioSchema.safeParse(json, { error: plainEnglish });
  if (!result.success) throw new ScenarioError(problemsOf(name, result.error));
  const expected = scenarioIdOfFile(name);
  if (expected !== undefined && result.data.id !== expected) {
    throw new ScenarioError([
      problemLine(name, ["id"], `must be "${expected}" to match the file name`),
    ]);
  }
  return result.data;
}
