import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scenariosDir } from "../../src/node/scenarios/scenario-files.js";
import { scenarioJsonSchema } from "../../src/scenario/index.js";

const FILE = join(scenariosDir(), "scenario.schema.json");
const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;

describe("scenarios/scenario.schema.json", () => {
  // Regenerate with: TRACEBED_WRITE_SCENARIO_SCHEMA=1 npx vitest run test/scenario/json-schema.test.ts
  if (process.env.TRACEBED_WRITE_SCENARIO_SCHEMA === "1") writeFileSync(FILE, text);

  it("is the zod schema written out (for editors)", () => {
    expect(readFileSync(FILE, "utf8")).toBe(text);
  });
});
