// The GAEN design's server on each store, at a clock the test moves: a refused upload leaves
// the store as it was (bad verification, malformed key, wrong rolling period, keys all out of
// the window), and retention takes exports older than the window out of index.txt.
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateExportKeyPair } from "@tracebed/protocol/node";
import { postJson, type RedisServer, redeemF0Code, startRedis } from "@tracebed/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMatcher, type Matcher } from "../../src/index.js";

const HA = "gaen-trust-ha-token-0123456789";
const DAY = 86_400;
const PERIOD = 600;
const agent = new Agent({ keepAlive: true });
const dirs: string[] = [];
let redis: RedisServer | null = null;
beforeAll(async () => {
  redis = await startRedis();
}, 60_000);
afterAll(async () => {
  agent.destroy();
  await redis?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const hex = (n: number) => n.toString(16).padStart(32, "0");
/** Keys of the two days before `now`'s (published at the end of the current period). */
function pastKeys(base: number, now: number) {
  const today = Math.floor(now / DAY);
  return [today - 2, today - 1].map((d, i) => ({
    key: hex(base + i),
    rollingStartIntervalNumber: d * 144,
    rollingPeriod: 144,
  }));
}

async function text(url: string, path: string) {
  const res = await fetch(`${url}/${path}`);
  return { status: res.status, body: await res.text() };
}

interface Server {
  matcher: Matcher;
  url: string;
  clock: { now: number };
  /** The GAEN journal of a memory store (null on Redis). */
  journal: string | null;
}

async function start(store: "memory" | "redis"): Promise<Server> {
  // Noon UTC tomorrow, so Redis's own expiries (by its real clock) lie ahead.
  const clock = { now: (Math.floor(Date.now() / 1000 / DAY) + 1) * DAY + 12 * 3600 + 5 };
  const dir = mkdtempSync(join(tmpdir(), "gaen-trust-"));
  dirs.push(dir);
  const matcher = await createMatcher({
    design: "gaen",
    store: store === "memory" ? "memory" : (redis!.url as "memory"),
    dataDir: dir,
    redisPrefix: `gaen-trust-${Math.random().toString(36).slice(2)}:`,
    haToken: HA,
    logLevel: "silent",
    defaultMetrics: false,
    clock: () => clock.now * 1000,
    gaen: { exportPeriodSeconds: PERIOD },
  });
  const { url } = await matcher.listen(0);
  const journal = store === "memory" ? join(dir, "gaen", "journal.ndjson") : null;
  return { matcher, url, clock, journal };
}

/** Everything a client or operator can read of the store, and its journal's bytes. */
async function whatIsKept(s: Server) {
  await s.matcher.design!.idle();
  const index = (await text(s.url, "v1/exports/index.txt")).body;
  const files = await Promise.all(
    index
      .split("\n")
      .filter(Boolean)
      .map(async (path) => (await text(s.url, path)).body),
  );
  return {
    index,
    files,
    privacy: await s.matcher.design!.privacy(),
    storageBytes: await s.matcher.design!.storageBytes(),
    journal: s.journal !== null && existsSync(s.journal) ? readFileSync(s.journal) : null,
  };
}

/**
 * An F0 redeemed (`label`) and one of its keys uploaded (201), the clock then moved one
 * period on so the export is out: the upload and what the server keeps.
 */
async function oneExport(s: Server, label: string) {
  const f0 = await redeemF0Code(agent, s.url, HA, label);
  const upload = {
    phoneId: f0.phone.phoneId,
    uploadToken: f0.uploadToken,
    reportType: "confirmed",
    keys: pastKeys(1, s.clock.now),
  };
  expect((await postJson(agent, s.url, "/v1/exposure-keys", upload, f0.phone.auth)).status).toBe(
    201,
  );
  s.clock.now += PERIOD;
  return { f0, upload, kept: await whatIsKept(s) };
}

for (const store of ["memory", "redis"] as const) {
  describe(`the GAEN server on ${store}`, () => {
    it("a refused upload changes nothing", async () => {
      const s = await start(store);
      try {
        const { f0, upload: good, kept: before } = await oneExport(s, "trust-f0");
        expect(before.index.split("\n")).toHaveLength(1);

        const other = await redeemF0Code(agent, s.url, HA, "trust-other");
        const fresh = { ...good, keys: pastKeys(100, s.clock.now) };
        const k0 = fresh.keys[0]!;
        const today = Math.floor(s.clock.now / DAY);
        const refused: [string, unknown, Record<string, string>, number][] = [
          [
            "an unknown upload token",
            { ...fresh, uploadToken: "x".repeat(43) },
            f0.phone.auth,
            401,
          ],
          [
            "another phone's token",
            { ...fresh, uploadToken: other.uploadToken },
            f0.phone.auth,
            401,
          ],
          ["another phone's id", { ...fresh, phoneId: other.phone.phoneId }, f0.phone.auth, 403],
          ["no credential", fresh, {}, 401],
          ["a malformed key", { ...fresh, keys: [{ ...k0, key: "zz" }] }, f0.phone.auth, 400],
          [
            "a short key",
            { ...fresh, keys: [{ ...k0, key: "ab".repeat(15) }] },
            f0.phone.auth,
            400,
          ],
          [
            "rolling period 0",
            { ...fresh, keys: [{ ...k0, rollingPeriod: 0 }] },
            f0.phone.auth,
            400,
          ],
          [
            "rolling period 145",
            { ...fresh, keys: [{ ...k0, rollingPeriod: 145 }] },
            f0.phone.auth,
            400,
          ],
          ["an unknown field", { ...fresh, keys: [{ ...k0, risk: 8 }] }, f0.phone.auth, 400],
          [
            "one bad key among good ones",
            { ...fresh, keys: [...fresh.keys, { ...k0, key: 1 }] },
            f0.phone.auth,
            400,
          ],
          ["no keys", { ...fresh, keys: [] }, f0.phone.auth, 400],
        ];
        for (const [what, body, auth, status] of refused) {
          const r = await postJson(agent, s.url, "/v1/exposure-keys", body, auth);
          expect(r.status, what).toBe(status);
        }
        // Every key refused (ended before the window, or starts tomorrow): 201, nothing stored.
        const outside = {
          ...fresh,
          keys: [
            { ...k0, rollingStartIntervalNumber: (today - 20) * 144 },
            { ...k0, key: hex(101), rollingStartIntervalNumber: (today + 1) * 144 },
          ],
        };
        const r = await postJson(agent, s.url, "/v1/exposure-keys", outside, f0.phone.auth);
        expect(r.status).toBe(201);
        expect(r.body).toMatchObject({
          accepted: 0,
          refused: [
            { index: 0, reason: "expired" },
            { index: 1, reason: "future" },
          ],
        });

        s.clock.now += PERIOD;
        expect(await whatIsKept(s)).toEqual(before);
      } finally {
        await s.matcher.close();
      }
    });

    it("retention takes exports older than the window out of index.txt (a clock moved 15 days on)", async () => {
      const s = await start(store);
      try {
        const { kept } = await oneExport(s, "retain-f0");
        const [path] = kept.index.split("\n");
        expect(path).toMatch(/\.zip$/);
        expect(kept.privacy.nonIndexPhonesKnown + (kept.storageBytes ?? 0)).toBeGreaterThan(0);

        // Thirteen days on, the export is still listed (its period ended less than 14 days ago).
        s.clock.now += 13 * DAY;
        expect((await whatIsKept(s)).index).toBe(kept.index);

        s.clock.now += 2 * DAY;
        const after = await whatIsKept(s);
        expect(after.index).toBe("");
        expect((await text(s.url, path!)).status).toBe(404);
        expect(after.storageBytes).toBe(0);
        if (after.journal !== null) {
          expect(after.journal.toString()).not.toContain(hex(1));
        }
      } finally {
        await s.matcher.close();
      }
    });
  });
}

describe("a signing key given by the operator (serve --signing-key)", () => {
  it("signs in place of the store's own, and a key not P-256 is refused in one line", async () => {
    const pair = generateExportKeyPair();
    const dir = mkdtempSync(join(tmpdir(), "gaen-trust-"));
    dirs.push(dir);
    const options = {
      design: "gaen" as const,
      dataDir: dir,
      haToken: HA,
      logLevel: "silent",
      defaultMetrics: false,
    };
    const matcher = await createMatcher({
      ...options,
      gaen: { signingKeyPem: pair.privateKeyPem },
    });
    try {
      const { url } = await matcher.listen(0);
      expect((await text(url, "v1/exports/public-key.pem")).body).toBe(pair.publicKeyPem);
      expect(existsSync(join(dir, "gaen", "signing-key.pem"))).toBe(false);
    } finally {
      await matcher.close();
    }
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });
    const rsaPem = rsa.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    for (const bad of [rsaPem, "not a key"]) {
      await expect(createMatcher({ ...options, gaen: { signingKeyPem: bad } })).rejects.toThrow(
        /^signing key: not an ECDSA P-256 private key in PKCS#8 PEM$/,
      );
    }
  });
});
