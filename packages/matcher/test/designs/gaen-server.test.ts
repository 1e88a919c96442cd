// The GAEN design's server: uploaded keys published as signed export files, read here with an
// independent zip reader (Info-ZIP's unzip), protobufjs straight from the vendored
// export.proto, and @noble/curves's P-256 verifier (not the signer's Node crypto).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Agent } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { p256 } from "@noble/curves/nist.js";
import { operatorCountsSchema } from "@tracebed/protocol";
import { postJson, redeemF0Code, registerPhone, startRedis } from "@tracebed/testkit";
import protobuf from "protobufjs";
import { afterAll, describe, expect, it } from "vitest";
import { createMatcher, type Matcher } from "../../src/index.js";

const HA = "gaen-test-ha-token-0123456789";
const DAY = 86_400;
const PERIOD = 600;
const agent = new Agent({ keepAlive: true });
const require = createRequire(import.meta.url);
const PROTO = require.resolve("@tracebed/protocol/gaen/export.proto");
const dir = mkdtempSync(join(tmpdir(), "gaen-server-"));
afterAll(() => {
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const hex = (n: number) => n.toString(16).padStart(32, "0");

function unzipEntry(zip: Uint8Array, entry: string): Uint8Array {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, zip);
  return new Uint8Array(execFileSync("unzip", ["-p", file, entry]));
}

/** Opens and verifies one export with the independent readers; returns its keys (hex). */
function verifyIndependently(zip: Uint8Array, pem: string) {
  const root = protobuf.loadSync(PROTO);
  const Export = root.lookupType("TemporaryExposureKeyExport");
  const SigList = root.lookupType("TEKSignatureList");
  const bin = unzipEntry(zip, "export.bin");
  expect(Buffer.from(bin.subarray(0, 16)).toString("latin1")).toBe("EK Export v1    ");
  const e = Export.toObject(Export.decode(bin.subarray(16)), { longs: Number, defaults: true });
  const sigs = SigList.toObject(SigList.decode(unzipEntry(zip, "export.sig")), { defaults: true });
  const spki = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ""), "base64");
  const pub = new Uint8Array(spki.subarray(spki.length - 65));
  const sig = sigs.signatures[0];
  expect(sig.signatureInfo.signatureAlgorithm).toBe("1.2.840.10045.4.3.2");
  expect(sig.signatureInfo.verificationKeyId).toBe("452");
  expect(p256.verify(sig.signature, bin, pub, { format: "der", lowS: false })).toBe(true);
  return {
    start: e.startTimestamp as number,
    end: e.endTimestamp as number,
    region: e.region as string,
    keys: (e.keys as { keyData: Uint8Array; reportType: number }[]).map((k) => ({
      key: Buffer.from(k.keyData).toString("hex"),
      reportType: k.reportType,
    })),
  };
}

async function get(url: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/${path.replace(/^\//, "")}`, { headers });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** A server of the GAEN design at a clock the test moves. */
async function gaenMatcher(
  store: string,
  clock: { now: number },
  redisPrefix: string,
): Promise<Matcher> {
  return createMatcher({
    design: "gaen",
    store: store as "memory",
    dataDir: null,
    haToken: HA,
    logLevel: "silent",
    defaultMetrics: false,
    clock: () => clock.now * 1000,
    gaen: { exportPeriodSeconds: PERIOD },
    redisPrefix,
  });
}

/** Two days ago, yesterday and today: the last one is still in use at `now`. */
function keysOf(base: number, now: number) {
  const today = Math.floor(now / DAY);
  return [today - 2, today - 1, today].map((d, i) => ({
    key: hex(base + i),
    rollingStartIntervalNumber: d * 144,
    rollingPeriod: 144,
  }));
}

async function run(store: string, matchers: number) {
  // Noon UTC (tomorrow's, so Redis's expiries lie ahead of its own clock): today's key is
  // embargoed until midnight.
  const clock = { now: (Math.floor(Date.now() / 1000 / DAY) + 1) * DAY + 12 * 3600 + 5 };
  const ms: Matcher[] = [];
  const prefix = `gaen-test-${Math.random().toString(36).slice(2)}:`;
  for (let i = 0; i < matchers; i++) ms.push(await gaenMatcher(store, clock, prefix));
  try {
    const urls = await Promise.all(ms.map(async (m) => (await m.listen(0)).url));
    const url = urls[0]!;
    const config = (await (await fetch(`${url}/v1/config`)).json()) as { design: string };
    expect(config.design).toBe("gaen");
    // Bluezone's log upload is not served: nobody uploads a contact log.
    expect((await fetch(`${url}/v1/uploads/log`, { method: "POST" })).status).toBe(404);

    const f0 = await redeemF0Code(agent, url, HA, "gaen-f0");
    const upload = {
      phoneId: f0.phone.phoneId,
      uploadToken: f0.uploadToken,
      reportType: "confirmed",
      keys: keysOf(1, clock.now),
    };
    // Another phone cannot use this token; a bad key changes nothing.
    const other = await registerPhone(agent, url);
    const stolen = { ...upload, phoneId: other.phoneId };
    expect((await postJson(agent, url, "/v1/exposure-keys", stolen, other.auth)).status).toBe(401);
    const bad = { ...upload, keys: [{ ...upload.keys[0]!, key: "zz" }] };
    expect((await postJson(agent, url, "/v1/exposure-keys", bad, f0.phone.auth)).status).toBe(400);

    const ack = await postJson(agent, urls.at(-1)!, "/v1/exposure-keys", upload, f0.phone.auth);
    expect(ack.status).toBe(201);
    const tomorrow = (Math.floor(clock.now / DAY) + 1) * DAY;
    const thisPeriodEnd = (Math.floor(clock.now / PERIOD) + 1) * PERIOD;
    expect(ack.body).toEqual({
      uploadId: expect.any(String),
      accepted: 3,
      embargoed: 1,
      refused: [],
      publishedBy: thisPeriodEnd,
    });
    // A retry stores nothing twice.
    const again = await postJson(agent, url, "/v1/exposure-keys", upload, f0.phone.auth);
    expect((again.body as { accepted: number }).accepted).toBe(0);

    // Nothing before the period has ended.
    await Promise.all(ms.map((m) => m.design!.idle()));
    expect(new TextDecoder().decode((await get(url, "v1/exports/index.txt")).bytes)).toBe("");

    clock.now += PERIOD;
    await Promise.all(ms.map((m) => m.design!.idle()));
    const pem = new TextDecoder().decode((await get(url, "v1/exports/public-key.pem")).bytes);
    const index1 = await get(url, "v1/exports/index.txt");
    const lines = new TextDecoder().decode(index1.bytes).split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^v1\/exports\/\d+-\d+-00001\.zip$/);
    const file = await get(url, lines[0]!);
    expect(file.res.headers.get("content-type")).toBe("application/zip");
    expect(file.res.headers.get("cache-control")).toContain("immutable");
    const first = verifyIndependently(file.bytes, pem);
    expect(first.region).toBe("VN");
    expect(first.end - first.start).toBe(PERIOD);
    // Yesterday's and the day before's keys; today's waits for its day to end.
    expect(first.keys.map((k) => k.key).sort()).toEqual([hex(1), hex(2)]);
    expect(first.keys.every((k) => k.reportType === 1)).toBe(true);
    // Cacheable: the ETag answers 304.
    const etag = file.res.headers.get("etag")!;
    expect((await get(url, lines[0]!, { "if-none-match": etag })).res.status).toBe(304);
    // Every process serves the same index, file and key.
    for (const u of urls) {
      expect((await get(u, "v1/exports/index.txt")).bytes).toEqual(index1.bytes);
      expect((await get(u, lines[0]!)).bytes).toEqual(file.bytes);
      expect(new TextDecoder().decode((await get(u, "v1/exports/public-key.pem")).bytes)).toBe(pem);
    }

    // After midnight (and the period that holds it), today's key is published.
    clock.now = tomorrow + PERIOD + 1;
    await Promise.all(ms.map((m) => m.design!.idle()));
    const lines2 = new TextDecoder()
      .decode((await get(url, "v1/exports/index.txt")).bytes)
      .split("\n");
    expect(lines2).toHaveLength(2);
    expect(lines2[0]).toBe(lines[0]);
    const second = verifyIndependently((await get(urls.at(-1)!, lines2[1]!)).bytes, pem);
    expect(second.keys.map((k) => k.key)).toEqual([hex(3)]);
    expect(second.start).toBe(tomorrow);

    // What the server learns: the F0 is an index phone; a recursive upload is a non-index
    // phone known to have had a contact, with no edge to anyone.
    const f1 = await redeemF0Code(agent, url, HA, "gaen-f1");
    const r = await postJson(
      agent,
      url,
      "/v1/exposure-keys",
      {
        phoneId: f1.phone.phoneId,
        uploadToken: f1.uploadToken,
        reportType: "recursive",
        keys: keysOf(10, clock.now).slice(0, 2),
      },
      f1.phone.auth,
    );
    expect(r.status).toBe(201);
    expect(await ms[0]!.design!.privacy()).toEqual({
      nonIndexPhonesKnown: 1,
      contactEdgesKnown: 0,
    });
    expect(await ms[0]!.design!.storageBytes()).toBeGreaterThan(file.bytes.length);
    // The operator's route: the same counts; each phone derives every published key's RPIs
    // (the three confirmed keys so far: 144 AES blocks each).
    const counts = operatorCountsSchema.parse(
      await (
        await fetch(`${url}/v1/operator/counts`, { headers: { authorization: `Bearer ${HA}` } })
      ).json(),
    );
    expect(counts).toMatchObject({
      design: "gaen",
      privacy: { nonIndexPhonesKnown: 1, contactEdgesKnown: 0 },
      phoneCrypto: { perPhone: 3 * 144 },
    });
    expect(counts.phoneCrypto.operation).toMatch(/^AES-128 block .* 3 HKDF-SHA256 .* 2 ECDSA/);
    expect(counts.storageBytes).toBe(await ms[0]!.design!.storageBytes());
  } finally {
    for (const m of ms) await m.close();
  }
}

describe("the GAEN design's server", () => {
  it("publishes signed, cacheable export files on the memory store", async () => {
    await run("memory", 1);
  });

  it("two processes on Redis serve the same files, signed with one key", async () => {
    const redis = await startRedis();
    try {
      await run(redis.url, 2);
    } finally {
      await redis.stop();
    }
  }, 60_000);
});
