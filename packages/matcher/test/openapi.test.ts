// The OpenAPI document a third party codes from: every property described, and the document
// passes Redocly CLI's recommended rules with no error and no warning.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildOpenApi, DEFAULT_BODY_LIMITS } from "../src/index.js";
import { redoclyLint } from "./helpers/redocly.js";

const doc = buildOpenApi("0.0.0-test", DEFAULT_BODY_LIMITS) as {
  components: { schemas: Record<string, unknown> };
  "x-socket-io": Record<string, Record<string, unknown>>;
};
const dir = mkdtempSync(join(tmpdir(), "tracebed-openapi-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every property path (`Schema.a.b`) under `schema` without a description. */
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

describe("the OpenAPI document", () => {
  it("describes every property of every schema and Socket.IO payload", () => {
    const missing: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      undescribed(schema, name, missing);
    }
    for (const [ns, spec] of Object.entries(doc["x-socket-io"])) {
      undescribed(spec.handshakeAuth, `${ns}.handshake`, missing);
      for (const part of ["serverToClient", "clientToServer", "acks"]) {
        for (const [event, schema] of Object.entries(spec[part] as Record<string, unknown>)) {
          undescribed(schema, `${ns}.${event}`, missing);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("passes Redocly CLI's recommended rules with no error and no warning", async () => {
    const report = await redoclyLint(doc, dir);
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});
