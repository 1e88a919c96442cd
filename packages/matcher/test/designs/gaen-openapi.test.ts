// The GAEN server's OpenAPI document: its routes in, Bluezone's uploads out, every property
// described, and Redocly CLI's recommended rules pass with no error and no warning.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDesign } from "../../src/designs/index.js";
import { buildOpenApi, DEFAULT_BODY_LIMITS } from "../../src/index.js";
import { redoclyLint } from "../helpers/redocly.js";

const doc = buildOpenApi("0.0.0-test", DEFAULT_BODY_LIMITS, (await loadDesign("gaen")).openapi) as {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, { properties?: Record<string, object> }> };
};
const dir = mkdtempSync(join(tmpdir(), "tracebed-openapi-gaen-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the GAEN design's OpenAPI document", () => {
  it("lists the export routes and not Bluezone's uploads", () => {
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/v1/exposure-keys",
        "/v1/exports/index.txt",
        "/v1/exports/public-key.pem",
        "/v1/exports/{file}",
      ]),
    );
    expect(doc.paths["/v1/uploads/log"]).toBeUndefined();
    expect(doc.components.schemas.LogUpload).toBeUndefined();
    for (const name of ["GaenKeyUpload", "GaenKeyUploadAck"]) {
      for (const [prop, schema] of Object.entries(doc.components.schemas[name]!.properties!)) {
        expect("description" in schema, `${name}.${prop}`).toBe(true);
      }
    }
  });

  it("passes Redocly CLI's recommended rules with no error and no warning", async () => {
    const report = await redoclyLint(doc, dir);
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});
