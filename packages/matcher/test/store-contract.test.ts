// One contract, every store: memory + journal and Redis (a real redis-server) must behave the
// same, across a reopen too.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KeyPush, LogEntry, Notification } from "@tracebed/protocol";
import { type RedisServer, startRedis } from "@tracebed/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MatcherStore, MemoryStore, type NewUpload, RedisStore } from "../src/index.js";

interface Harness {
  name: string;
  /** A fresh, empty store. */
  fresh(): Promise<MatcherStore>;
  /** The same data, opened again (a restart). */
  reopen(store: MatcherStore): Promise<MatcherStore>;
}

let redis: RedisServer;
const dirs: string[] = [];
let n = 0;

const memory: Harness = {
  name: "memory + journal",
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), "tracebed-store-"));
    dirs.push(dir);
    const store = await MemoryStore.open({ dataDir: dir });
    stores.set(store, dir);
    return store;
  },
  async reopen(store) {
    await store.close();
    const dir = stores.get(store)!;
    const again = await MemoryStore.open({ dataDir: dir });
    stores.set(again, dir);
    return again;
  },
};
const stores = new Map<MatcherStore, string>();

const redisHarness: Harness = {
  name: "redis",
  async fresh() {
    const prefix = `contract${++n}:`;
    const store = await RedisStore.open({ url: redis.url, prefix });
    stores.set(store, prefix);
    return store;
  },
  async reopen(store) {
    await store.close();
    const prefix = stores.get(store)!;
    const again = await RedisStore.open({ url: redis.url, prefix });
    stores.set(again, prefix);
    return again;
  },
};

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  for (const s of stores.keys()) await s.close().catch(() => {});
  await redis?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

// Wall-clock: Redis expires codes and tokens by the real clock.
const NOW = Math.floor(Date.now() / 1000);
const DAY = Math.floor(NOW / 86_400);
const KEY = (i: number) => i.toString(16).padStart(2, "0").repeat(32);
const ID = (i: number) => i.toString(16).padStart(2, "0").repeat(12);
const entry = (i: number): LogEntry => ({
  ownId: ID(1),
  contactId: ID(i),
  rssi: -50.25,
  txPower: -8,
  timestamp: NOW - 3_600 + i,
});

function code(c: string, over: Partial<{ expiresAt: number; confirmedAt: number }> = {}) {
  return {
    code: c,
    caseRef: "case/1",
    confirmedAt: over.confirmedAt ?? NOW - 60,
    expiresAt: over.expiresAt ?? NOW + 3_600,
    issuedAt: NOW - 100,
  };
}

function redeem(c: string, phoneId: string, i: number, now = NOW) {
  return {
    code: c,
    phoneId,
    now,
    maxCodeFailures: 3,
    indexId: `index-${i}-xxxx`,
    uploadToken: `token-${i}-xxxxxxxxxxxxxxxx`,
    tokenExpiresAt: now + 86_400,
  };
}

let u = 0;
function upload(phoneId: string, kind: "keys" | "log", over: Partial<NewUpload> = {}): NewUpload {
  u++;
  return {
    uploadId: `upload-${u}-xxxx`,
    kind,
    phoneId,
    idempotencyKey: `idem-${u}-xxxxxxxxxxxx`,
    scheme: "bluezone",
    bodyHash: `hash-${u}`,
    receivedAt: NOW,
    windowDays: 14,
    exposures: [],
    ...(kind === "keys"
      ? {
          keys: [
            { unixDay: DAY - 1, key: KEY(1) },
            { unixDay: DAY, key: KEY(2) },
          ],
        }
      : { log: [entry(1), entry(2)] }),
    ...over,
  };
}

function note(role: "F1" | "F2", indexId: string, i: number): Notification {
  return {
    notificationId: `note-${i}-xxxxx`,
    role,
    indexId,
    bestDay: DAY - 1,
    exposureDay: DAY - 1,
    closeSeconds: 900,
    notifiedAt: NOW + i,
  };
}

describe.each([memory, redisHarness])("MatcherStore contract: $name", (h) => {
  let store: MatcherStore;
  beforeEach(async () => {
    store = await h.fresh();
  });

  it("issues a code once per value and redeems it once", async () => {
    expect(await store.insertCode(code("123456"))).toBe(true);
    expect(await store.insertCode(code("123456"))).toBe(false);
    const r = await store.redeemCode(redeem("123456", "phone-aaaa", 1));
    expect(r).toEqual({
      ok: true,
      index: {
        indexId: "index-1-xxxx",
        phoneId: "phone-aaaa",
        role: "F0",
        windowEnd: NOW - 60,
        windowStart: null,
        createdAt: NOW,
        pushSeq: null,
      },
      tokenExpiresAt: NOW + 86_400,
    });
    expect(await store.redeemCode(redeem("123456", "phone-bbbb", 2))).toEqual({
      ok: false,
      reason: "used",
    });
    expect(await store.redeemCode(redeem("999999", "phone-bbbb", 3))).toEqual({
      ok: false,
      reason: "unknown",
    });
    expect(await store.getUploadToken("token-1-xxxxxxxxxxxxxxxx")).toEqual({
      indexId: "index-1-xxxx",
      phoneId: "phone-aaaa",
      expiresAt: NOW + 86_400,
    });
    expect(await store.getUploadToken("token-2-xxxxxxxxxxxxxxxx")).toBeNull();
    expect(await store.getIndex("index-2-xxxx")).toBeNull();
    const s = await store.stats();
    expect(s).toMatchObject({ codes: 1, F0: 1, F1: 0, F2: 0 });
  });

  it("refuses expired codes, locks a code after its refused attempts, one F0 per phone", async () => {
    await store.insertCode(code("000001", { expiresAt: NOW }));
    expect(await store.redeemCode(redeem("000001", "phone-aaaa", 1))).toEqual({
      ok: false,
      reason: "expired",
    });
    await store.insertCode(code("000002"));
    await store.redeemCode(redeem("000002", "phone-aaaa", 2));
    for (let i = 0; i < 3; i++) {
      expect((await store.redeemCode(redeem("000002", `phone-x${i}xx`, 10 + i))).ok).toBe(false);
    }
    expect(await store.redeemCode(redeem("000002", "phone-zzzz", 20))).toEqual({
      ok: false,
      reason: "locked",
    });
    await store.insertCode(code("000003"));
    expect(await store.redeemCode(redeem("000003", "phone-aaaa", 21))).toEqual({
      ok: false,
      reason: "already_confirmed",
    });
    // Not consumed: another phone can still redeem it.
    expect((await store.redeemCode(redeem("000003", "phone-bbbb", 22))).ok).toBe(true);
  });

  it("redeems a code exactly once under concurrency", async () => {
    await store.insertCode(code("424242"));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.redeemCode(redeem("424242", `phone-c${i}xxx`, 100 + i)),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await store.stats()).F0).toBe(1);
  });

  it("counts refused redemptions per phone inside a window", async () => {
    expect(await store.redeemFailures("phone-aaaa", NOW)).toBe(0);
    expect(await store.noteRedeemFailure("phone-aaaa", NOW, 60)).toBe(1);
    expect(await store.noteRedeemFailure("phone-aaaa", NOW, 60)).toBe(2);
    expect(await store.redeemFailures("phone-aaaa", NOW)).toBe(2);
    expect(await store.redeemFailures("phone-bbbb", NOW)).toBe(0);
  });

  it("stores an upload once per (phone, idempotency key) and keeps the phone's data", async () => {
    const refused = [{ unixDay: DAY + 1, reason: "future" as const }];
    const k = upload("phone-aaaa", "keys", { refused });
    const first = await store.putUpload(k);
    expect(first).toEqual({
      status: "stored",
      ack: {
        uploadId: k.uploadId,
        idempotencyKey: k.idempotencyKey,
        phoneId: "phone-aaaa",
        kind: "keys",
        count: 2,
        refused,
        receivedAt: NOW,
        replayed: false,
      },
    });
    expect(await store.getUpload(k.uploadId)).toEqual(first.status === "stored" && first.ack);
    const retry = await store.putUpload({ ...k, uploadId: "upload-retry-xx", receivedAt: NOW + 5 });
    expect(retry).toEqual({
      status: "replayed",
      ack: { ...(first.status === "stored" ? first.ack : null!), replayed: true },
    });
    const conflict = await store.putUpload({ ...k, uploadId: "upload-conf-xx", bodyHash: "other" });
    expect(conflict.status).toBe("conflict");
    // The same key is another phone's own.
    expect(
      (await store.putUpload({ ...k, phoneId: "phone-bbbb", uploadId: "upload-b-xxxx" })).status,
    ).toBe("stored");
    expect(await store.getUpload(k.uploadId)).toMatchObject({
      uploadId: k.uploadId,
      replayed: false,
    });
    expect(await store.getUpload("upload-retry-xx")).toBeNull();

    const l1 = upload("phone-aaaa", "log", { exposures: ["index-9-xxxx", "index-8-xxxx"] });
    const l2 = upload("phone-aaaa", "log", { log: [entry(3)], exposures: ["index-9-xxxx"] });
    expect((await store.putUpload(l1)).status).toBe("stored");
    expect((await store.putUpload(l2)).status).toBe("stored");
    const k2 = upload("phone-aaaa", "keys", {
      keys: [
        { unixDay: DAY, key: KEY(3) },
        { unixDay: DAY + 1, key: KEY(4) },
      ],
    });
    await store.putUpload(k2);
    const phone = await store.getPhone("phone-aaaa");
    expect(phone).toMatchObject({
      phoneId: "phone-aaaa",
      scheme: "bluezone",
      role: null,
      keys: [
        { unixDay: DAY - 1, key: KEY(1) },
        { unixDay: DAY, key: KEY(3) },
        { unixDay: DAY + 1, key: KEY(4) },
      ],
      keysVersion: 2,
      logVersion: 2,
      indexIds: [],
    });
    expect([...phone!.exposures].sort()).toEqual(["index-8-xxxx", "index-9-xxxx"]);
    expect(await store.getLog("phone-aaaa")).toEqual([entry(1), entry(2), entry(3)]);
    expect(await store.candidatesOf("index-9-xxxx")).toEqual(["phone-aaaa"]);
    expect(await store.getPhone("phone-none")).toBeNull();
    expect(await store.getLog("phone-none")).toEqual([]);
    expect((await store.stats()).uploads).toBe(5);

    const other = await store.putUpload(upload("phone-aaaa", "log", { scheme: "gaen" }));
    expect(other).toEqual({ status: "scheme_mismatch", scheme: "bluezone" });
    expect((await store.stats()).uploads).toBe(5);
  });

  it("stores concurrent retries of one upload once", async () => {
    const k = upload("phone-aaaa", "log");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.putUpload({ ...k, uploadId: `upload-par-${i}x` })),
    );
    expect(results.filter((r) => r.status === "stored")).toHaveLength(1);
    expect(results.filter((r) => r.status === "replayed")).toHaveLength(9);
    const id = results.find((r) => r.status === "stored")!;
    for (const r of results)
      if (r.status === "replayed")
        expect(r.ack.uploadId).toBe((id as { ack: { uploadId: string } }).ack.uploadId);
    expect((await store.stats()).uploads).toBe(1);
  });

  it("stores a phone's log as the union of its uploads, each sighting once", async () => {
    const put = (log: LogEntry[]) => store.putUpload(upload("phone-aaaa", "log", { log }));
    expect(await put([entry(3), entry(1), entry(2)])).toMatchObject({ ack: { count: 3 } });
    // Overlapping, with a duplicate inside the upload: the ack counts what was sent.
    const louder = { ...entry(2), rssi: -49 }; // another sighting: one field differs
    expect(await put([entry(2), entry(3), entry(4), entry(4), louder])).toMatchObject({
      status: "stored",
      ack: { count: 5 },
    });
    expect(await put([entry(1), entry(2)])).toMatchObject({ status: "stored" });
    expect(await store.getLog("phone-aaaa")).toEqual([
      entry(1),
      entry(2),
      louder,
      entry(3),
      entry(4),
    ]);
    expect((await store.getPhone("phone-aaaa"))?.logVersion).toBe(3);
  });

  it("drops the entries older than the window + 1 day before each log upload's receipt", async () => {
    const at = (t: number): LogEntry => ({ ...entry(1), timestamp: t });
    const edge = NOW - 15 * 86_400;
    const log = [at(edge - 86_400), at(edge - 1), at(edge), at(NOW - 3_600)];
    await store.putUpload(upload("phone-aaaa", "log", { log }));
    expect(await store.getLog("phone-aaaa")).toEqual([at(edge), at(NOW - 3_600)]);
    // A later upload prunes what it finds, even if it brings nothing.
    await store.putUpload(upload("phone-aaaa", "log", { log: [], receivedAt: NOW + 1 }));
    expect(await store.getLog("phone-aaaa")).toEqual([at(NOW - 3_600)]);
    expect((await store.getPhone("phone-aaaa"))?.logVersion).toBe(2);
  });

  it("merges concurrent log uploads of one phone without losing any", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.putUpload(upload("phone-aaaa", "log", { log: [entry(i), entry(i + 1)] })),
      ),
    );
    expect(results.every((r) => r.status === "stored")).toBe(true);
    expect(await store.getLog("phone-aaaa")).toEqual(Array.from({ length: 9 }, (_, i) => entry(i)));
    expect((await store.getPhone("phone-aaaa"))?.logVersion).toBe(8);
  });

  it("rebuilds merged and pruned logs the same after a reopen", async () => {
    const old = { ...entry(5), timestamp: NOW - 20 * 86_400 };
    await store.putUpload(upload("phone-aaaa", "log", { log: [old, entry(1), entry(2)] }));
    await store.putUpload(upload("phone-aaaa", "log", { log: [entry(2), entry(3)] }));
    await store.putUpload(upload("phone-bbbb", "log", { log: [entry(1)], receivedAt: NOW + 9 }));
    const snapshot = async (s: MatcherStore) => ({
      a: await s.getLog("phone-aaaa"),
      b: await s.getLog("phone-bbbb"),
      phone: await s.getPhone("phone-aaaa"),
    });
    const before = await snapshot(store);
    expect(before.a).toEqual([entry(1), entry(2), entry(3)]);
    store = await h.reopen(store);
    expect(await snapshot(store)).toEqual(before);
  });

  it("pushes an index person's keys of its window once, in seq order", async () => {
    await store.insertCode(code("111111", { confirmedAt: (DAY + 1) * 86_400 - 10 }));
    await store.redeemCode(redeem("111111", "phone-aaaa", 1));
    expect(await store.pushIndex("index-1-xxxx", NOW, 14)).toBeNull(); // no keys yet
    await store.putUpload(
      upload("phone-aaaa", "keys", {
        keys: [
          { unixDay: DAY, key: KEY(2) },
          { unixDay: DAY - 20, key: KEY(9) }, // outside the window
          { unixDay: DAY - 1, key: KEY(1) },
        ],
      }),
    );
    const push = await store.pushIndex("index-1-xxxx", NOW, 14);
    const expected: KeyPush = {
      seq: 1,
      indexId: "index-1-xxxx",
      role: "F0",
      scheme: "bluezone",
      windowEnd: (DAY + 1) * 86_400 - 10,
      keys: [
        { unixDay: DAY - 1, key: KEY(1) },
        { unixDay: DAY, key: KEY(2) },
      ],
      pushedAt: NOW,
    };
    expect(push).toEqual(expected);
    expect(JSON.stringify(push)).toBe(JSON.stringify(expected)); // field order too
    expect(await store.pushIndex("index-1-xxxx", NOW, 14)).toBeNull();
    expect(await store.pushIndex("index-none-x", NOW, 14)).toBeNull();
    expect((await store.getIndex("index-1-xxxx"))?.pushSeq).toBe(1);

    // A second index, pushed concurrently from two callers: one push.
    await store.insertCode(code("222222"));
    await store.redeemCode(redeem("222222", "phone-bbbb", 2));
    await store.putUpload(upload("phone-bbbb", "keys"));
    const both = await Promise.all([
      store.pushIndex("index-2-xxxx", NOW, 14),
      store.pushIndex("index-2-xxxx", NOW, 14),
    ]);
    expect(both.filter((p) => p !== null)).toHaveLength(1);
    expect(await store.listPushes(0, 10)).toEqual({
      pushes: [expected, both.find((p) => p)!],
      more: false,
    });
    expect(await store.listPushes(0, 1)).toEqual({ pushes: [expected], more: true });
    expect((await store.listPushes(1, 10)).pushes.map((p) => p.seq)).toEqual([2]);
    expect(await store.listPushes(2, 10)).toEqual({ pushes: [], more: false });
    expect(await store.listPushes(50, 10)).toEqual({ pushes: [], more: false });
    expect(await store.listIndexIds()).toEqual(["index-1-xxxx", "index-2-xxxx"]);
    expect((await store.stats()).latestSeq).toBe(2);
  });

  it("notifies once per role, upgrades F2 to F1, never demotes or notifies an F0", async () => {
    const f1 = {
      indexId: "index-f1-xxx",
      windowEnd: NOW + 1,
      windowStart: (DAY - 1) * 86_400,
      createdAt: NOW + 1,
    };
    expect(
      await store.notify({
        phoneId: "phone-cccc",
        notification: note("F2", "index-0-xxxx", 1),
        newIndex: null,
      }),
    ).toBe(true);
    expect(
      await store.notify({
        phoneId: "phone-cccc",
        notification: note("F2", "index-0-xxxx", 2),
        newIndex: null,
      }),
    ).toBe(false);
    expect(await store.stats()).toMatchObject({ F1: 0, F2: 1, notificationsSent: 1 });
    expect(
      await store.notify({
        phoneId: "phone-cccc",
        notification: note("F1", "index-0-xxxx", 3),
        newIndex: f1,
      }),
    ).toBe(true);
    expect(
      await store.notify({
        phoneId: "phone-cccc",
        notification: note("F2", "index-0-xxxx", 4),
        newIndex: null,
      }),
    ).toBe(false);
    expect(
      await store.notify({
        phoneId: "phone-cccc",
        notification: note("F1", "index-0-xxxx", 5),
        newIndex: f1,
      }),
    ).toBe(false);
    expect(await store.stats()).toMatchObject({ F1: 1, F2: 0, notificationsSent: 2 });
    expect(await store.notificationsOf("phone-cccc")).toEqual([
      note("F2", "index-0-xxxx", 1),
      note("F1", "index-0-xxxx", 3),
    ]);
    expect(await store.getIndex("index-f1-xxx")).toEqual({
      ...f1,
      phoneId: "phone-cccc",
      role: "F1",
      pushSeq: null,
    });
    expect((await store.getPhone("phone-cccc"))?.indexIds).toEqual(["index-f1-xxx"]);
    expect((await store.getPhone("phone-cccc"))?.role).toBe("F1");

    // An F1 who becomes F0 leaves the F1 count; an F0 is never notified.
    await store.insertCode(code("333333"));
    expect((await store.redeemCode(redeem("333333", "phone-cccc", 9))).ok).toBe(true);
    expect(await store.stats()).toMatchObject({ F0: 1, F1: 0, F2: 0 });
    expect(
      await store.notify({
        phoneId: "phone-cccc",
        notification: note("F1", "index-0-xxxx", 6),
        newIndex: null,
      }),
    ).toBe(false);
    expect(await store.notificationsOf("phone-none")).toEqual([]);

    const racing = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.notify({
          phoneId: "phone-dddd",
          notification: note("F1", "index-0-xxxx", 10 + i),
          newIndex: { ...f1, indexId: `index-r${i}-xx` },
        }),
      ),
    );
    expect(racing.filter(Boolean)).toHaveLength(1);
    expect((await store.getPhone("phone-dddd"))?.indexIds).toHaveLength(1);
  });

  it("pushes again when keys come later or an F1's window starts earlier, never twice alike", async () => {
    await store.insertCode(code("444444"));
    await store.redeemCode(redeem("444444", "phone-aaaa", 1));
    await store.putUpload(
      upload("phone-aaaa", "keys", { keys: [{ unixDay: DAY - 1, key: KEY(1) }] }),
    );
    expect((await store.pushIndex("index-1-xxxx", NOW, 14))?.keys).toHaveLength(1);
    expect(await store.pushIndex("index-1-xxxx", NOW, 14)).toBeNull();
    // The day of confirmation, uploaded the next morning: pushed with every key in the window.
    await store.putUpload(upload("phone-aaaa", "keys", { keys: [{ unixDay: DAY, key: KEY(2) }] }));
    const second = await store.pushIndex("index-1-xxxx", NOW + 1, 14);
    expect(second).toMatchObject({ seq: 2, indexId: "index-1-xxxx" });
    expect(second?.keys.map((k) => k.unixDay)).toEqual([DAY - 1, DAY]);
    expect(second).not.toHaveProperty("windowStart");
    expect((await store.getIndex("index-1-xxxx"))?.pushSeq).toBe(2);
    expect(await store.pushIndex("index-1-xxxx", NOW + 2, 14)).toBeNull();

    // An F1 exposed on DAY: its push starts there and carries windowStart.
    const keys = [DAY - 3, DAY - 2, DAY - 1, DAY].map((d) => ({ unixDay: d, key: KEY(d % 200) }));
    await store.putUpload(upload("phone-bbbb", "keys", { keys }));
    await store.notify({
      phoneId: "phone-bbbb",
      notification: note("F1", "index-1-xxxx", 1),
      newIndex: {
        indexId: "index-f1-xxx",
        windowEnd: NOW + 1,
        windowStart: DAY * 86_400,
        createdAt: NOW + 1,
      },
    });
    const f1Push = await store.pushIndex("index-f1-xxx", NOW + 3, 14);
    expect(f1Push?.windowStart).toBe(DAY * 86_400);
    expect(f1Push?.keys.map((k) => k.unixDay)).toEqual([DAY]);
    // Another F0 met it two days earlier: the window moves back (never forward), pushed again.
    expect(await store.lowerWindowStart("index-f1-xxx", (DAY + 1) * 86_400)).toBe(false);
    expect(await store.lowerWindowStart("index-1-xxxx", (DAY - 5) * 86_400)).toBe(false); // an F0
    expect(await store.lowerWindowStart("index-f1-xxx", (DAY - 2) * 86_400)).toBe(true);
    expect((await store.getIndex("index-f1-xxx"))?.windowStart).toBe((DAY - 2) * 86_400);
    const again = await store.pushIndex("index-f1-xxx", NOW + 4, 14);
    expect(again?.windowStart).toBe((DAY - 2) * 86_400);
    expect(again?.keys.map((k) => k.unixDay)).toEqual([DAY - 2, DAY - 1, DAY]);
    const listed = (await store.listPushes(0, 10)).pushes;
    expect(listed.map((p) => p.seq)).toEqual([1, 2, 3, 4]);
    expect(JSON.stringify(listed[3])).toBe(JSON.stringify(again)); // field order too
    store = await h.reopen(store);
    expect((await store.getIndex("index-f1-xxx"))?.windowStart).toBe((DAY - 2) * 86_400);
    expect(await store.pushIndex("index-f1-xxx", NOW + 5, 14)).toBeNull();
  });

  it("retention deletes what is older than the window (a clock moved 16 days on)", async () => {
    await store.insertCode(code("777777"));
    await store.redeemCode(redeem("777777", "phone-aaaa", 1));
    const keys = [DAY - 13, DAY - 1, DAY].map((d) => ({ unixDay: d, key: KEY(d % 200) }));
    const k = upload("phone-aaaa", "keys", { keys });
    await store.putUpload(k);
    const l = upload("phone-bbbb", "log", { exposures: ["index-1-xxxx"] });
    await store.putUpload(l);
    await store.notify({
      phoneId: "phone-bbbb",
      notification: note("F1", "index-1-xxxx", 1),
      newIndex: null,
    });
    // A fresh upload of another phone, made later: it stays.
    const later = NOW + 15 * 86_400;
    const fresh = upload("phone-cccc", "keys", {
      receivedAt: later,
      keys: [{ unixDay: DAY + 15, key: KEY(9) }],
    });
    await store.putUpload(fresh);

    const kept = await store.retain(NOW, 14); // nothing is old yet
    expect(kept).toEqual({ uploads: 0, keys: 0, logEntries: 0, notifications: 0, indexes: 0 });

    const report = await store.retain(NOW + 16 * 86_400, 14);
    expect(report).toEqual({ uploads: 2, keys: 3, logEntries: 2, notifications: 1, indexes: 1 });
    expect(await store.getUpload(k.uploadId)).toBeNull();
    expect(await store.getUpload(l.uploadId)).toBeNull();
    expect(await store.getUpload(fresh.uploadId)).not.toBeNull();
    expect((await store.getPhone("phone-aaaa"))?.keys).toEqual([]);
    expect((await store.getPhone("phone-cccc"))?.keys).toHaveLength(1);
    expect(await store.getLog("phone-bbbb")).toEqual([]);
    expect(await store.notificationsOf("phone-bbbb")).toEqual([]);
    expect(await store.getIndex("index-1-xxxx")).toBeNull();
    expect(await store.listIndexIds()).toEqual([]);
    expect(await store.candidatesOf("index-1-xxxx")).toEqual([]);
    expect((await store.getPhone("phone-bbbb"))?.exposures).toEqual([]);
    // The same idempotency key is a new upload now: the old one is forgotten.
    expect(
      (await store.putUpload({ ...k, uploadId: "upload-new-xx", receivedAt: later })).status,
    ).toBe("stored");
    // And it stays deleted across a reopen (the memory store journals the sweep).
    store = await h.reopen(store);
    expect(await store.getUpload(l.uploadId)).toBeNull();
    expect(await store.getIndex("index-1-xxxx")).toBeNull();
  });

  it("sums connected phones over the processes that report", async () => {
    await store.reportConnected("proc-1", 3, 1_000_000);
    await store.reportConnected("proc-2", 4, 1_000_000);
    expect(await store.connectedPhones(1_000_500)).toBe(store.kind === "memory" ? 7 : 7);
    await store.reportConnected("proc-2", 0, 1_000_600);
    expect(await store.connectedPhones(1_000_700)).toBe(3);
  });

  it("keeps everything across a reopen", async () => {
    await store.insertCode(code("555555"));
    await store.redeemCode(redeem("555555", "phone-aaaa", 1));
    await store.putUpload(upload("phone-aaaa", "keys"));
    const l = upload("phone-aaaa", "log", { exposures: ["index-1-xxxx"] });
    await store.putUpload(l);
    await store.pushIndex("index-1-xxxx", NOW, 14);
    await store.notify({
      phoneId: "phone-bbbb",
      notification: note("F1", "index-1-xxxx", 1),
      newIndex: {
        indexId: "index-b-xxxx",
        windowEnd: NOW,
        windowStart: DAY * 86_400,
        createdAt: NOW,
      },
    });
    const snapshot = async (s: MatcherStore) => ({
      stats: await s.stats(),
      upload: await s.getUpload(l.uploadId),
      phone: await s.getPhone("phone-aaaa"),
      log: await s.getLog("phone-aaaa"),
      pushes: await s.listPushes(0, 10),
      notes: await s.notificationsOf("phone-bbbb"),
      index: await s.getIndex("index-b-xxxx"),
      indexes: await s.listIndexIds(),
      token: await s.getUploadToken("token-1-xxxxxxxxxxxxxxxx"),
      replay: await s.putUpload({ ...l, uploadId: "upload-zzzzzz" }),
      used: await s.redeemCode(redeem("555555", "phone-zzzz", 7)),
    });
    const before = await snapshot(store);
    store = await h.reopen(store);
    const after = await snapshot(store);
    // The second snapshot's refused redemption counted one more failure on the code.
    expect(after).toEqual(before);
  });
});
