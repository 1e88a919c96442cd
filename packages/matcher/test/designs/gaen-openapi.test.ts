// The GAEN server's OpenAPI document: its routes in, Bluezone's uploads out, every property
// described, and Redocly CLI's recommended rules pass with no error and no warning.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { loadDesign } from "../../src/designs/index.js";
import { buildOpenApi, DEFAULT_BODY_LIMITS } from "../../src/index.js";

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
    const file = join(dir, "openapi.json");
    writeFileSync(file, JSON.stringify(doc));
    const require = createRequire(import.meta.url);
    const pkg = require.resolve("@redocly/cli/package.json");
    const bin = join(dirname(pkg), (require(pkg) as { bin: Record<string, string> }).bin.redocly!);
    const r = await promisify(execFile)(
      process.execPath,
      [bin, "lint", file, "--extends", "recommended", "--format", "json"],
      { env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
    ).catch((err: { stdout: string; stderr: string }) => err);
    const report = JSON.parse(r.stdout) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string }[];
    };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});
