// GET /v1/operator/counts: the operator's scope only. Every other credential the server knows
// is 403; a missing or unknown one is 401; an empty store counts nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { operatorCountsSchema } from "@tracebed/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMatcher, type Matcher } from "../src/index.js";
import { HA_TOKEN } from "./helpers/clients.js";

const VIEWER_TOKEN = "test-viewer-token-0123456789";
const dataDir = mkdtempSync(join(tmpdir(), "tracebed-operator-"));
let matcher: Matcher;
let url: string;

beforeAll(async () => {
  matcher = await createMatcher({
    dataDir,
    haToken: HA_TOKEN,
    viewerToken: VIEWER_TOKEN,
    logLevel: "silent",
    defaultMetrics: false,
  });
  url = (await matcher.listen(0)).url;
});

afterAll(async () => {
  await matcher?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function counts(authorization?: string) {
  const res = await fetch(`${url}/v1/operator/counts`, {
    headers: authorization === undefined ? {} : { authorization },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function registeredPhone(): Promise<string> {
  const res = await fetch(`${url}/v1/phones`, { method: "POST" });
  return ((await res.json()) as { secret: string }).secret;
}

describe("GET /v1/operator/counts", () => {
  it("answers the HA token with the design's counts, counted from its store", async () => {
    const r = await counts(`Bearer ${HA_TOKEN}`);
    expect(r.status).toBe(200);
    const doc = operatorCountsSchema.parse(r.body);
    // A registered phone is not a known contact; nothing was pushed, so no phone computed.
    await registeredPhone();
    expect(doc).toMatchObject({
      design: "bluezone",
      privacy: { nonIndexPhonesKnown: 0, contactEdgesKnown: 0 },
      phoneCrypto: { perPhone: 0 },
    });
    expect(doc.phoneCrypto.operation).toMatch(/^SHA-256/);
    // The data directory holds at least the journal's first records.
    const after = operatorCountsSchema.parse((await counts(`Bearer ${HA_TOKEN}`)).body);
    expect(after.privacy).toEqual(doc.privacy);
    expect(after.storageBytes).toBeGreaterThan(doc.storageBytes ?? 0);
  });

  it("is 401 without a credential, with a wrong token or an unknown phone secret", async () => {
    for (const auth of [
      undefined,
      "Bearer not-the-ha-token-000",
      "Phone nosuchsecret",
      "Basic eA==",
    ]) {
      const r = await counts(auth);
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ error: { code: "unauthorized" } });
    }
  });

  it("is 403 for a credential of another scope: the viewer token, a phone's secret", async () => {
    const viewer = await counts(`Bearer ${VIEWER_TOKEN}`);
    expect(viewer.status).toBe(403);
    expect(viewer.body).toMatchObject({ error: { code: "forbidden" } });
    const phone = await counts(`Phone ${await registeredPhone()}`);
    expect(phone.status).toBe(403);
    expect(phone.body).toMatchObject({ error: { code: "forbidden" } });
  });
});
