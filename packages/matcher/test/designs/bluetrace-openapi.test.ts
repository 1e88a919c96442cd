// The OpenAPI document of `serve --design bluetrace`: every property described, and Redocly
// CLI's recommended rules pass with no error and no warning.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BLUETRACE_DOC } from "../../src/designs/bluetrace/openapi.js";
import { buildOpenApi, DEFAULT_BODY_LIMITS } from "../../src/index.js";
import { redoclyLint } from "../helpers/redocly.js";

const doc = buildOpenApi("0.0.0-test", DEFAULT_BODY_LIMITS, BLUETRACE_DOC) as {
  paths: Record<string, unknown>;
  components: { schemas: Record<string, unknown> };
};
const dir = mkdtempSync(join(tmpdir(), "tracebed-openapi-bt-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function undescribed(schema: unknown, path: string, out: string[] = []): string[] {
  if (schema === null || typeof schema !== "object") return out;
  const s = schema as Record<string, unknown>;
  for (const [name, prop] of Object.entries((s.properties as Record<string, object>) ?? {})) {
    if (!("description" in prop)) out.push(`${path}.${name}`);
    undescribed(prop, `${path}.${name}`, out);
  }
  undescribed(s.items, `${path}[]`, out);
  for (const k of ["anyOf", "oneOf", "allOf"]) {
    for (const sub of (s[k] as unknown[]) ?? []) undescribed(sub, path, out);
  }
  return out;
}

describe("the OpenAPI document with --design bluetrace", () => {
  it("lists the BlueTrace routes and describes every property", () => {
    for (const path of BLUETRACE_DOC.routes.map((r) => r.path))
      expect(doc.paths).toHaveProperty([path]);
    const missing: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      undescribed(schema, name, missing);
    }
    expect(missing).toEqual([]);
  });

  it("passes Redocly CLI's recommended rules with no error and no warning", async () => {
    const report = await redoclyLint(doc, dir);
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});
