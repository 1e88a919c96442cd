// Redis going away (run as bench runs it: appendonly yes, appendfsync always): uploads are
// refused with 503 while it is down and taken again once it is back, nothing acknowledged is
// lost, and `tracebed serve` given SIGTERM with its Redis gone exits within 10 s, non-zero, in
// one line. Needs the built CLI (npx tsc -b apps/cli).
import { type RedisServer, startRedis, startServe } from "@tracebed/testkit";
import { afterAll, describe, expect, it } from "vitest";
import { createMatcher } from "../src/index.js";
import { HA_TOKEN, registered } from "./helpers/clients.js";
import { call } from "./helpers/http.js";
import { idemKey, TestPhone, today } from "./helpers/phones.js";

const redises: RedisServer[] = [];
afterAll(async () => {
  for (const r of redises) await r.stop().catch(() => {});
});

const durable = { appendonly: true, appendfsync: "always" } as const;

describe("a Redis outage", () => {
  it("refuses uploads with 503 while Redis is down, loses nothing acknowledged, and goes on after", async () => {
    let redis = await startRedis(durable);
    redises.push(redis);
    const m = await createMatcher({
      store: redis.url as `redis://${string}`,
      haToken: HA_TOKEN,
      logLevel: "silent",
      defaultMetrics: false,
    });
    const url = (await m.listen(0)).url;
    try {
      const P = new TestPhone("P", today() - 20);
      const p = await registered(url);
      const keysBody = (k: string) => ({
        idempotencyKey: k,
        phoneId: p.phoneId,
        scheme: "bluezone",
        basis: { kind: "exposure", indexIds: ["nonexistent1"] },
        keys: P.keys(today()),
      });
      // An exposure naming no index is refused (400) before the store is written: use a real one.
      const f0 = await registered(url);
      const code = await call(
        url,
        "POST",
        "/v1/f0-codes",
        { caseRef: "c" },
        {
          authorization: `Bearer ${HA_TOKEN}`,
        },
      );
      const redeemed = await call(
        url,
        "POST",
        "/v1/f0-codes/redeem",
        {
          code: code.body.code,
          phoneId: f0.phoneId,
        },
        f0.auth,
      );
      const basis = { kind: "exposure", indexIds: [redeemed.body.indexId] };
      const before = await call(
        url,
        "POST",
        "/v1/uploads/keys",
        { ...keysBody(idemKey()), basis },
        p.auth,
      );
      expect(before.status).toBe(201);

      const { port, dir } = redis;
      await redis.kill9();
      const during = { ...keysBody(idemKey()), basis };
      const refused = await call(url, "POST", "/v1/uploads/keys", during, p.auth);
      expect(refused.status, JSON.stringify(refused.body)).toBe(503);
      expect(refused.body.error.code).toBe("store_unavailable");
      expect(refused.headers.get("retry-after")).toBe("1");
      expect((await call(url, "GET", "/healthz")).status).toBe(503);

      redis = await startRedis({ ...durable, port, dir });
      redises.push(redis);
      // The phone retries the same upload until the store is back.
      let again = refused;
      for (let i = 0; i < 100 && again.status === 503; i++) {
        await new Promise((r) => setTimeout(r, 100));
        again = await call(url, "POST", "/v1/uploads/keys", during, p.auth);
      }
      expect(again.status).toBe(201);
      // The upload acknowledged before the outage survived it (appendfsync always).
      const read = await call(url, "GET", `/v1/uploads/${before.body.uploadId}`, undefined, p.auth);
      expect(read.body).toEqual(before.body);
    } finally {
      await m.close();
    }
  });

  it("`tracebed serve` with its Redis gone exits within 10 s on SIGTERM, non-zero, in one line", async () => {
    const redis = await startRedis(durable);
    redises.push(redis);
    const s = await startServe(["--store", redis.url, "--ha-token", HA_TOKEN]);
    await redis.kill9();
    const t0 = Date.now();
    const code = await s.stop();
    expect(Date.now() - t0).toBeLessThan(10_000 + 1_000);
    expect(code).not.toBe(0);
    const lines = s.stderr().trim().split("\n");
    const last = lines.filter((l) => l.startsWith("tracebed: ")).at(-1)!;
    expect(
      lines.filter((l) => l.startsWith("Node.js")),
      s.stderr(),
    ).toEqual([]);
    expect(last).toMatch(/^tracebed: serve: .*unreachable/);
  });
});
