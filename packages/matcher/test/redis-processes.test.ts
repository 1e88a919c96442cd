// Two `tracebed serve` processes on one real Redis: a phone connected to process 2 gets the key
// push and the notification of a flow that ran through process 1. Needs the built CLI.
import type { KeyPush } from "@tracebed/protocol";
import { type RedisServer, type ServeProcess, startRedis, startServe } from "@tracebed/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmF0, HA_TOKEN, PhoneClient, registered } from "./helpers/clients.js";
import { call } from "./helpers/http.js";
import { meet, midnight, TestPhone, today } from "./helpers/phones.js";

let redis: RedisServer;
let one: ServeProcess;
let two: ServeProcess;

beforeAll(async () => {
  redis = await startRedis();
  const args = ["--store", redis.url, "--ha-token", HA_TOKEN];
  [one, two] = await Promise.all([startServe(args), startServe(args)]);
  // Two processes start at once: on a busy 2-core machine that takes more than 10 s.
}, 60_000);

afterAll(async () => {
  for (const s of [one, two]) if (s) expect(await s.stop()).toBe(0);
  await redis?.stop();
});

describe("two serve processes sharing Redis", () => {
  it("carry pushes and notifications across processes", async () => {
    const T = today();
    const A = new TestPhone("A", T - 15);
    const B = new TestPhone("B", T - 15);
    const C = new TestPhone("C", T - 15);
    meet(A, B, midnight(3) + 8 * 3600, 4, 1.2);
    meet(B, C, midnight(1) + 20 * 3600, 3, 0.8);

    // B listens on process 2, C on process 1; everyone uploads through process 1.
    const a = await PhoneClient.open(A, one.url);
    const b = await PhoneClient.open(B, two.url, one.url);
    const c = await PhoneClient.open(C, one.url);
    await Promise.all([a, b, c].map((p) => p.connected()));

    const f0 = await confirmF0(one.url, A);
    await a.upload({ kind: "f0", uploadToken: f0.uploadToken });
    const isA = (p: KeyPush) => p.indexId === f0.indexId;
    await b.until(() => b.pushes.some(isA), "A's push at process 2");
    expect(await b.onPush(b.pushes.find(isA)!)).toBe(true);

    await b.until(() => b.notifications.length === 1, "B's notification at process 2");
    expect(b.notifications[0]).toMatchObject({
      role: "F1",
      indexId: f0.indexId,
      closeSeconds: 1200,
    });

    // C (process 1) finds B's keys and is notified F2; stats agree on both processes.
    await c.until(() => c.pushes.some((p) => p.role === "F1"), "B's push at process 1");
    expect(await c.onPush(c.pushes.find((p) => p.role === "F1")!)).toBe(true);
    await c.until(() => c.notifications.length === 1, "C's notification");
    expect(c.notifications[0]).toMatchObject({ role: "F2" });

    for (const s of [one, two]) {
      for (let i = 0; i < 30; i++) {
        if ((await call(s.url, "GET", "/v1/stats")).body.phones.connected === 3) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const stats = (await call(s.url, "GET", "/v1/stats")).body;
      expect(stats).toMatchObject({
        store: "redis",
        uploads: { stored: 6 },
        f0: { confirmed: 1 },
        notifications: { f1: 1, f2: 1 },
        keyPushes: { total: 2 },
        phones: { connected: 3 },
      });
      expect((await call(s.url, "GET", "/v1/keys")).body.pushes).toHaveLength(2);
    }
    // A code redeemed through one process is used for the other.
    const code = await call(
      one.url,
      "POST",
      "/v1/f0-codes",
      { caseRef: "x" },
      { authorization: `Bearer ${HA_TOKEN}` },
    );
    // A phone registered through one process is known to the other.
    const other = await registered(one.url);
    const third = await registered(two.url);
    const redeem = (base: string, p: typeof other) =>
      call(
        base,
        "POST",
        "/v1/f0-codes/redeem",
        { code: code.body.code, phoneId: p.phoneId },
        p.auth,
      );
    expect((await redeem(two.url, other)).status).toBe(200);
    expect((await redeem(one.url, third)).status).toBe(409);
    for (const p of [a, b, c]) p.close();
  });
});
