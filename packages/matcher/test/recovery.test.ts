// Steps acknowledged but never finished (a crash between the ack and the decision) are done at
// the next start: uploads sit in the journal, the restarted matcher pushes, decides, notifies.
// Also: with appendonly, Redis keeps acknowledged uploads across a Redis crash.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startRedis } from "@tracebed/testkit";
import { afterAll, describe, expect, it } from "vitest";
import { createMatcher, MemoryStore, RedisStore } from "../src/index.js";
import { HA_TOKEN } from "./helpers/clients.js";
import { call } from "./helpers/http.js";
import { meet, midnight, TestPhone, today } from "./helpers/phones.js";
import { phoneUploads, redeemedF0 } from "./helpers/store-seed.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("recovery", () => {
  it("finishes pushes and decisions left undone by a crash", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tracebed-recover-"));
    dirs.push(dir);
    const now = Math.floor(Date.now() / 1000);
    const T = today();
    const A = new TestPhone("A", T - 5);
    const B = new TestPhone("B", T - 5);
    meet(A, B, midnight(2), 5, 1);

    // What a crashed matcher left: A redeemed and uploaded, B uploaded naming A; no push,
    // no decision.
    const store = await MemoryStore.open({ dataDir: dir });
    const r = await redeemedF0(store, A, {
      code: "123123",
      indexId: "index-A-xxxx",
      uploadToken: "token-A-xxxxxxxxxxxxxxx",
      now,
    });
    expect(r.ok).toBe(true);
    const put = phoneUploads(store, T, now, "xxx");
    await put(A, "keys", []);
    await put(A, "log", []);
    await put(B, "keys", ["index-A-xxxx"]);
    await put(B, "log", ["index-A-xxxx"]);
    await store.close();

    const m = await createMatcher({
      dataDir: dir,
      haToken: HA_TOKEN,
      logLevel: "silent",
      defaultMetrics: false,
    });
    const url = (await m.listen(0)).url;
    await m.idle();
    const stats = (await call(url, "GET", "/v1/stats")).body;
    expect(stats).toMatchObject({
      f0: { confirmed: 1 },
      notifications: { f1: 1 },
      keyPushes: { total: 2 },
    });
    expect(await m.store.notificationsOf(B.phoneId)).toEqual([
      expect.objectContaining({ role: "F1", indexId: "index-A-xxxx", closeSeconds: 1500 }),
    ]);
    await m.close();
  });

  it("keeps acknowledged uploads in Redis across a Redis crash with appendonly", async () => {
    const redis = await startRedis({ appendonly: true, appendfsync: "always" });
    const store = await RedisStore.open({ url: redis.url });
    expect(await store.appendOnly()).toBe(true);
    const r = await store.putUpload({
      uploadId: "upload-aof-1",
      kind: "keys",
      phoneId: "phone-aof-1",
      idempotencyKey: "idem-aof-xxxxxxxxxx",
      scheme: "bluezone",
      bodyHash: "h",
      receivedAt: Math.floor(Date.now() / 1000),
      windowDays: 14,
      exposures: [],
      keys: [{ unixDay: today(), key: "ab".repeat(32) }],
    });
    expect(r.status).toBe("stored");
    await redis.kill9();
    store.client.destroy();
    const again = await startRedis({ appendonly: true, dir: redis.dir, port: redis.port });
    const store2 = await RedisStore.open({ url: again.url });
    expect(await store2.getUpload("upload-aof-1")).toMatchObject({
      uploadId: "upload-aof-1",
      count: 1,
    });
    await store2.close();
    await again.stop();
    rmSync(redis.dir, { recursive: true, force: true });
  });
});
