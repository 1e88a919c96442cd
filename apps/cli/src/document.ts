import { type Scenario, scenarioHash } from "@tracebed/sim";
import { VERSION } from "./version.js";

/** Version of the JSON documents the CLI prints. */
export const SCHEMA_VERSION = 2;

/** The fields every `--json` document starts with. */
export function documentHeader(scenario: Scenario) {
  return {
    schemaVersion: SCHEMA_VERSION,
    version: VERSION,
    scenarioHash: scenarioHash(scenario),
    scenario: scenario.id,
  };
}

export function printJson(doc: unknown): void {
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}
