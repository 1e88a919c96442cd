// A store write applied whose reply is lost (Redis killed between applying a script and
// answering): the flow step fails, and the reconcile after the outage must still deliver what
// the store kept. An F1 → F2 chain on each store, with the F2 notification's reply dropped.
import { DEFAULT_DECISION_PARAMS, type Notification } from "@tracebed/protocol";
import { type RedisServer, startRedis } from "@tracebed/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Matching } from "../src/flow/matching.js";
import { type MatcherStore, MemoryStore, RedisStore, StoreUnavailableError } from "../src/index.js";
import { meet, midnight, TestPhone, today } from "./helpers/phones.js";
import { phoneUploads, redeemedF0 } from "./helpers/store-seed.js";

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
}, 30_000);
afterAll(async () => {
  await redis?.stop();
});

/** The store, except that the first F2 notification is applied and then reported lost. */
function dropFirstF2Reply(store: MatcherStore): MatcherStore {
  let dropped = false;
  return new Proxy(store, {
    get(target, name) {
      const value = Reflect.get(target, name, target);
      if (name !== "notify") return typeof value === "function" ? value.bind(target) : value;
      return async (input: Parameters<MatcherStore["notify"]>[0]) => {
        const applied = await target.notify(input);
        if (dropped || input.notification.role !== "F2") return applied;
        dropped = true;
        throw new StoreUnavailableError("Redis is unreachable, retry");
      };
    },
  });
}

const STORES: [string, () => Promise<MatcherStore>][] = [
  ["memory", () => MemoryStore.open({ dataDir: null })],
  ["redis", () => RedisStore.open({ url: redis.url, prefix: `lost-${Date.now()}:` })],
];

describe("a notification applied whose reply was lost", () => {
  for (const [kind, open] of STORES) {
    it(`is delivered by the reconcile after the outage (${kind})`, async () => {
      const store = await open();
      const now = Math.floor(Date.now() / 1000);
      const T = today();
      const [A, B, F] = ["A", "B", "F"].map((n) => new TestPhone(n, T - 20)) as TestPhone[];
      meet(A!, B!, midnight(1) + 10 * 3600, 3, 1);
      meet(B!, F!, midnight(1) + 8 * 3600, 4, 1.5);
      const redeemed = await redeemedF0(store, A!, {
        code: "424242",
        indexId: "index-A-lost",
        uploadToken: "token-A-lost-xxxxxxxxxxx",
        now,
      });
      expect(redeemed.ok).toBe(true);
      const put = phoneUploads(store, T, now, "lost");
      await put(A!, "keys", []);
      await put(A!, "log", []);
      await put(B!, "keys", ["index-A-lost"]);
      await put(B!, "log", ["index-A-lost"]);
      await put(F!, "keys", []);

      const notified: [string, Notification][] = [];
      const matching = new Matching({
        store: dropFirstF2Reply(store),
        params: DEFAULT_DECISION_PARAMS,
        clock: Date.now,
        events: { keyPushed: () => {}, notified: (id, n) => notified.push([id, n]) },
        metrics: { decided: () => {}, notified: () => {}, pushed: () => {} },
        onError: () => {},
      });
      await matching.runForPhone(B!.phoneId);
      expect(notified.map(([id, n]) => [id, n.role])).toEqual([[B!.phoneId, "F1"]]);
      const [f1Index] = (await store.getPhone(B!.phoneId))!.indexIds;
      // F names B's index person (it matched B's pushed keys): its F2 notification is applied
      // and its reply lost, so the step fails and nothing reaches F.
      await put(F!, "log", [f1Index!]);
      await expect(matching.runForPhone(F!.phoneId)).rejects.toThrow(StoreUnavailableError);
      const kept = await store.notificationsOf(F!.phoneId);
      expect(kept.map((n) => n.role)).toEqual(["F2"]);
      expect(notified.filter(([id]) => id === F!.phoneId)).toEqual([]);

      await matching.reconcile();
      expect(notified.filter(([id]) => id === F!.phoneId)).toEqual([[F!.phoneId, kept[0]]]);
      await store.close();
    });
  }
});
