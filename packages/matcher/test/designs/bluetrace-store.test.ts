// The BlueTrace stores: memory (journalled) and Redis keep what they acknowledged, and drop
// what is older than the window (log sightings, upload records) and expired grants.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { bluetrace, Notification } from "@tracebed/protocol";
import { type RedisServer, startRedis } from "@tracebed/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BtMemoryStore } from "../../src/designs/bluetrace/memory-store.js";
import { BtRedisStore } from "../../src/designs/bluetrace/redis-store.js";
import type { BtNewUpload, BtStore } from "../../src/designs/bluetrace/store.js";
import { connectRedis, type RedisClient } from "../../src/store/redis/connect.js";

const NOW = 1_780_000_000;
const DAY = 86_400;
const CUTOFF = NOW - 15 * DAY;

function sighting(contact: string, timestamp: number): bluetrace.KnownSighting {
  return { contact, rssi: -60, txPower: 7, timestamp };
}

function upload(
  phoneId: string,
  key: string,
  receivedAt: number,
  sightings: bluetrace.KnownSighting[],
): BtNewUpload {
  return {
    uploadId: `u-${key}`,
    phoneId,
    idempotencyKey: key,
    bodyHash: `h-${key}`,
    ack: {
      uploadId: `u-${key}`,
      idempotencyKey: key,
      records: sightings.length,
      valid: sightings.length,
      refused: { failed_decryption: 0, expired_id: 0, unknown_user: 0 },
      receivedAt,
      replayed: false,
    },
    sightings,
  };
}

function notification(role: "F1" | "F2"): Notification {
  return {
    notificationId: `n-${role}`,
    role,
    indexId: "i0",
    bestDay: Math.floor(NOW / DAY) - 1,
    exposureDay: Math.floor(NOW / DAY) - 1,
    closeSeconds: 900,
    notifiedAt: NOW,
  };
}

/** Fills a store: an old upload and a recent one from F0 "a", an F1 "b" with an expired grant. */
async function fill(s: BtStore) {
  await s.uidOf("a");
  await s.addF0({ indexId: "i0", phoneId: "a", role: "F0", windowEnd: NOW, windowStart: null });
  await s.putUpload(
    upload("a", "old", CUTOFF - DAY, [sighting("b", CUTOFF - DAY), sighting("c", CUTOFF - 10)]),
  );
  await s.putUpload(upload("a", "new", NOW - DAY, [sighting("b", NOW - DAY)]));
  await s.putUpload(upload("d", "gone", CUTOFF - DAY, [sighting("a", CUTOFF - 2 * DAY)]));
  const grant = { uploadToken: "t-b", phoneId: "b", indexId: "i1", expiresAt: NOW - 1 };
  const newIndex = {
    indexId: "i1",
    phoneId: "b",
    role: "F1" as const,
    windowEnd: NOW - DAY,
    windowStart: CUTOFF,
  };
  expect(await s.notify({ phoneId: "b", notification: notification("F1"), newIndex, grant })).toBe(
    true,
  );
}

/** What retention must have left: the recent sighting, the recent upload, no grant. */
async function expectRetained(s: BtStore) {
  expect(await s.getLog("a")).toEqual([sighting("b", NOW - DAY)]);
  expect(await s.getLog("d")).toEqual([]);
  expect((await s.loggers()).sort()).toEqual(["a"]);
  expect(await s.grantOf("b")).toBeNull();
  expect(await s.grant("t-b")).toBeNull();
  // The old upload's record is gone (a replay of it is stored again), the new one's is kept.
  expect((await s.putUpload(upload("a", "new", NOW - DAY, []))).status).toBe("replayed");
  expect((await s.putUpload(upload("a", "old", NOW, []))).status).toBe("stored");
  expect(await s.roleOf("b")).toBe("F1");
}

describe("BlueTrace memory store", () => {
  it("keeps every acknowledged change across a restart without close (the journal)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tracebed-bt-store-"));
    try {
      const s = await BtMemoryStore.open(dir);
      await fill(s);
      const key = await s.key();
      const uid = await s.uidOf("a");
      // No close: what was acknowledged must already be on disk.
      const again = await BtMemoryStore.open(dir);
      expect(await again.key()).toEqual(key);
      expect(await again.uidOf("a")).toBe(uid);
      expect(await again.phoneOfUid(uid)).toBe("a");
      expect(await again.getLog("a")).toHaveLength(3);
      expect(await again.roleOf("a")).toBe("F0");
      expect(await again.roleOf("b")).toBe("F1");
      expect((await again.grantOf("b"))?.uploadToken).toBe("t-b");
      expect(await again.privacy()).toEqual(await s.privacy());
      await s.close();
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("deletes what is older than the window, and the deletion survives a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tracebed-bt-store-"));
    try {
      const s = await BtMemoryStore.open(dir);
      await fill(s);
      expect(await s.retain(CUTOFF, NOW)).toEqual({ logEntries: 3, uploads: 2, grants: 1 });
      await expectRetained(s);
      await s.close();
      const again = await BtMemoryStore.open(dir);
      expect(await again.getLog("a")).toEqual([sighting("b", NOW - DAY)]);
      expect(await again.grant("t-b")).toBeNull();
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("BlueTrace Redis store", () => {
  let redis: RedisServer;
  let client: RedisClient;
  beforeAll(async () => {
    redis = await startRedis();
    client = await connectRedis(redis.url);
  });
  afterAll(async () => {
    await client?.close();
    await redis?.stop();
  });

  it("deletes what is older than the window", async () => {
    const s = new BtRedisStore(client, "t:bt:");
    await fill(s);
    expect(await s.retain(CUTOFF, NOW)).toEqual({ logEntries: 3, uploads: 2, grants: 1 });
    await expectRetained(s);
  });
});
