import * as z from "zod";
import { scenarioSchema } from "./schema.js";

/**
 * The scenario format as JSON Schema (draft 2020-12), for editors: scenarios/scenario.schema.json
 * is this, written out. It covers field types and ranges; the cross-field rules (sums,
 * references) only `parseScenario` checks.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, {
    target: "draft-2020-12",
    unrepresentable: "any",
    io: "input",
  }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    title: "tracebed scenario",
    description:
      "A tracebed scenario: population, adoption with its denominator, targets, contact layers and BLE model from one seed letter. Documented in scenarios/README.md; cross-field rules are checked by parseScenario.",
    ...rest,
  };
}
