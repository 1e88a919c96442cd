// The GAEN design's two stores against one contract: what they keep across a reopen (the
// memory store's journal and signing key) and what retention deletes, at a clock the test
// sets (retention.ts's bounds), as the Bluezone store contract tests its retention.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RedisServer, startRedis } from "@tracebed/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GaenMemoryStore } from "../../src/designs/gaen/memory-store.js";
import { GaenRedisStore } from "../../src/designs/gaen/redis-store.js";
import { expiredKeyEnd, gaenRetentionBounds } from "../../src/designs/gaen/retention.js";
import type { GaenStore, KeyForBatch } from "../../src/designs/gaen/store.js";

const DAY = 86_400;
const PERIOD = 3_600;
/** Noon of a fixed day: the store never reads a clock of its own. */
const NOW = 20_000 * DAY + 12 * 3_600;
const hex = (n: number) => n.toString(16).padStart(32, "0");
const upload = (
  id: string,
  receivedAt: number,
  reportType: "confirmed" | "recursive" = "confirmed",
) => ({
  uploadId: id,
  phoneId: `phone-${id}`,
  reportType,
  receivedAt,
});
/** The key of UTC day `day`, published in the batch after its day ended (or `batch`). */
function keyOf(
  n: number,
  day: number,
  batch = Math.floor(((day + 1) * DAY) / PERIOD),
): KeyForBatch {
  return {
    key: hex(n),
    rollingStartIntervalNumber: day * 144,
    rollingPeriod: 144,
    reportType: 1,
    batch,
  };
}
const zipOf = (n: number) => new Uint8Array([0x50, 0x4b, n & 255, (n >> 8) & 255]);

interface Harness {
  open(): Promise<GaenStore>;
  /** Closes and opens the same store again (memory: the journal replayed). */
  reopen(store: GaenStore): Promise<GaenStore>;
  cleanup(): Promise<void>;
}

function memoryHarness(): Harness & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "gaen-store-"));
  return {
    dir,
    open: () => GaenMemoryStore.open(dir),
    async reopen(store) {
      await store.close();
      return GaenMemoryStore.open(dir);
    },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function redisHarness(redis: () => RedisServer): Harness {
  const prefix = `gaen-store-${Math.random().toString(36).slice(2)}:`;
  return {
    open: () => GaenRedisStore.open(redis().url, prefix),
    async reopen(store) {
      await store.close();
      return GaenRedisStore.open(redis().url, prefix);
    },
    async cleanup() {},
  };
}

/** Builds and stores the export of every batch from..upTo that has keys (as the batcher does). */
async function exportUpTo(store: GaenStore, upTo: number, from = 0) {
  const built: Record<number, string[]> = {};
  for (const b of await store.pendingBatches(upTo)) {
    if (b < from) continue;
    built[b] = (await store.sealBatch(b)).map((k) => k.key);
    await store.putExport(b, `${b}.zip`, zipOf(b));
  }
  return built;
}

let redis: RedisServer | null = null;
beforeAll(async () => {
  redis = await startRedis();
}, 60_000);
afterAll(async () => {
  await redis?.stop();
});

const harnesses: [string, () => Harness][] = [
  ["memory (journal)", memoryHarness],
  ["redis", () => redisHarness(() => redis!)],
];

for (const [name, make] of harnesses) {
  describe(`the GAEN ${name} store`, () => {
    it("keeps keys, batches, exports and the signing key across a reopen", async () => {
      const h = make();
      let store = await h.open();
      try {
        const today = Math.floor(NOW / DAY);
        const r = await store.addKeys(upload("a", NOW), [keyOf(1, today - 2), keyOf(2, today - 1)]);
        expect(r.accepted).toBe(2);
        const key = await store.signingKey(() => "PEM-1");
        const firstBatch = Math.floor(((today - 1) * DAY) / PERIOD);
        const built = await exportUpTo(store, firstBatch);
        expect(Object.values(built).flat()).toEqual([hex(1)]);
        // Acknowledged, not yet exported: kept all the same.
        await store.addKeys(upload("b", NOW + 1), [keyOf(3, today - 1)]);

        store = await h.reopen(store);
        expect(await store.signingKey(() => "PEM-2")).toBe(key);
        expect(await store.exportNames()).toEqual(Object.keys(built).map((b) => `${b}.zip`));
        expect(await store.getExport(`${Object.keys(built)[0]}.zip`)).toEqual(
          zipOf(Number(Object.keys(built)[0])),
        );
        // A key stored before is not stored twice; the later batch still holds both keys.
        expect((await store.addKeys(upload("c", NOW + 2), [keyOf(2, today - 1)])).accepted).toBe(0);
        const later = await exportUpTo(store, Math.floor(NOW / PERIOD));
        expect(Object.values(later).flat().sort()).toEqual([hex(2), hex(3)]);
        expect(await store.privacy()).toEqual({ nonIndexPhonesKnown: 0, contactEdgesKnown: 0 });
      } finally {
        await store.close();
        await h.cleanup();
      }
    });

    it("retention deletes keys, uploads and exports older than the window (a clock moved on)", async () => {
      const h = make();
      let store = await h.open();
      try {
        const today = Math.floor(NOW / DAY);
        // Day today−20's key, uploaded then; day today−3's key as a recursive upload.
        const oldUpload = NOW - 19 * DAY;
        await store.addKeys(upload("old", oldUpload), [
          keyOf(10, today - 20, Math.floor(oldUpload / PERIOD)),
        ]);
        await exportUpTo(store, Math.floor(oldUpload / PERIOD));
        // Never exported (the server was down): its key has ended too long ago all the same.
        await store.addKeys(upload("lost", oldUpload + 10), [
          keyOf(12, today - 19, Math.floor(oldUpload / PERIOD) + 1),
        ]);
        await store.addKeys(upload("new", NOW - 2 * DAY, "recursive"), [keyOf(11, today - 3)]);
        await exportUpTo(
          store,
          Math.floor((NOW - 2 * DAY) / PERIOD),
          Math.floor(NOW / DAY - 5) * 24,
        );
        expect(await store.exportNames()).toHaveLength(2);
        expect(await store.privacy()).toEqual({ nonIndexPhonesKnown: 1, contactEdgesKnown: 0 });

        // Twenty days ago nothing was old yet.
        const none = await store.retain(gaenRetentionBounds(NOW - 20 * DAY, 14, PERIOD));
        expect(none).toEqual({ keys: 0, uploads: 0, exports: 0, batches: 0 });

        const report = await store.retain(gaenRetentionBounds(NOW, 14, PERIOD));
        expect(report).toEqual({ keys: 2, uploads: 2, exports: 1, batches: 1 });
        const names = await store.exportNames();
        // Day today−3's key, published in the hour after its day ended.
        expect(names).toEqual([`${((today - 2) * DAY) / PERIOD}.zip`]);
        expect(await store.getExport(`${Math.floor(oldUpload / PERIOD)}.zip`)).toBeNull();
        expect(await store.pendingBatches(Math.floor(NOW / PERIOD))).toEqual([]);
        expect(await store.privacy()).toEqual({ nonIndexPhonesKnown: 1, contactEdgesKnown: 0 });
        // The upload route refuses the keys retention deletes: the same bound.
        expect(keyOf(10, today - 20).rollingStartIntervalNumber + 144).toBeLessThanOrEqual(
          expiredKeyEnd(NOW, 14),
        );
        expect(keyOf(11, today - 3).rollingStartIntervalNumber + 144).toBeGreaterThan(
          expiredKeyEnd(NOW, 14),
        );

        store = await h.reopen(store);
        expect(await store.exportNames()).toEqual(names);
        expect(await store.pendingBatches(Math.floor(NOW / PERIOD))).toEqual([]);
        // A deleted key uploaded again is a new key (nothing of it is left).
        expect((await store.addKeys(upload("again", NOW), [keyOf(10, today - 1)])).accepted).toBe(
          1,
        );
      } finally {
        await store.close();
        await h.cleanup();
      }
    });
  });
}

describe("the GAEN memory store's files", () => {
  it("no longer hold what retention deleted, and the signing key is readable by its owner only", async () => {
    const h = memoryHarness();
    const store = await h.open();
    try {
      const today = Math.floor(NOW / DAY);
      await store.addKeys(upload("old", NOW - 19 * DAY), [keyOf(0xdead, today - 20)]);
      await store.addKeys(upload("new", NOW - DAY), [keyOf(0xbeef, today - 2)]);
      await store.signingKey(() => "-----BEGIN PRIVATE KEY-----\n");
      const journal = join(h.dir, "gaen", "journal.ndjson");
      expect(readFileSync(journal, "utf8")).toContain(hex(0xdead));
      expect(statSync(join(h.dir, "gaen", "signing-key.pem")).mode & 0o777).toBe(0o600);

      await store.retain(gaenRetentionBounds(NOW, 14, PERIOD));
      const text = readFileSync(journal, "utf8");
      expect(text).not.toContain(hex(0xdead));
      expect(text).not.toContain("phone-old");
      expect(text).toContain(hex(0xbeef));
    } finally {
      await store.close();
      await h.cleanup();
    }
  });
});
