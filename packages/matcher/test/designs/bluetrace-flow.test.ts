// BlueTrace on the real matcher (`design: "bluetrace"`), memory and Redis stores: phones fetch
// TempIDs, an F0 uploads what it heard, the server decrypts and notifies F1 over Socket.IO, the
// F1 uploads on request and its contacts in its causal window become F2. A `tracebed serve`
// killed with SIGKILL keeps what it acknowledged (needs the built CLI).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type bluetrace, rssiAtDistance } from "@tracebed/protocol";
import { type RedisServer, startRedis, startServe } from "@tracebed/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMatcher, type Matcher } from "../../src/index.js";
import { HA, HA_TOKEN, PhoneClient } from "../helpers/clients.js";
import { call } from "../helpers/http.js";
import { idemKey, midnight, SCAN_PERIOD, TestPhone, TX_POWER } from "../helpers/phones.js";

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

/** A phone of the BlueTrace flow: its TempIDs, and the records it logs. */
class BtPhone {
  readonly tempIds: bluetrace.IssuedTempId[] = [];
  readonly records: bluetrace.StreetPassRecord[] = [];
  constructor(readonly client: PhoneClient) {}

  get phone() {
    return this.client.phone;
  }

  async fetchTempIds(url: string, from: number, batches: number) {
    for (let b = 0; b < batches; b++) {
      const r = await call<bluetrace.TempIdBatch>(
        url,
        "POST",
        "/v1/bluetrace/tempids",
        { phoneId: this.phone.phoneId, from: from + b * 100 * 900 },
        this.phone.auth,
      );
      expect(r.status).toBe(200);
      this.tempIds.push(...r.body.tempIDs);
    }
  }

  /** The TempID it advertises at t. */
  tempIdAt(t: number): string {
    const id = this.tempIds.find((x) => x.startTime <= t && t < x.expiryTime);
    if (id === undefined) throw new Error(`${this.phone.name}: no TempID at ${t}`);
    return id.tempID;
  }

  /** Hears `other` once per scan period for `periods` periods from `start`, at `distance` m. */
  hear(other: BtPhone, start: number, periods: number, distance: number) {
    for (let i = 0; i < periods; i++) {
      const t = start + i * SCAN_PERIOD + 7;
      this.records.push({
        timestamp: t,
        msg: other.tempIdAt(t),
        rssi: rssiAtDistance(distance, TX_POWER),
        txPower: TX_POWER,
      });
    }
  }

  upload(url: string, uploadToken: string, records = this.records) {
    return call<bluetrace.BtUploadAck>(
      url,
      "POST",
      "/v1/bluetrace/uploads",
      { idempotencyKey: idemKey(), phoneId: this.phone.phoneId, uploadToken, records },
      this.phone.auth,
    );
  }
}

for (const kind of ["memory", "redis"] as const) {
  describe(`BlueTrace flow on the ${kind} store`, () => {
    let m: Matcher;
    let url: string;
    const clients: PhoneClient[] = [];
    beforeAll(async () => {
      m = await createMatcher({
        design: "bluetrace",
        store: kind === "memory" ? "memory" : (redis.url as `redis://${string}`),
        dataDir: null,
        redisPrefix: `bt-test-${Date.now()}:`,
        haToken: HA_TOKEN,
        logLevel: "silent",
        defaultMetrics: false,
      });
      url = (await m.listen(0)).url;
    });
    afterAll(async () => {
      for (const c of clients) c.socket.disconnect();
      await m.close();
    });

    const open = async (name: string) => {
      const c = await PhoneClient.open(new TestPhone(name, 0), url);
      clients.push(c);
      await c.connected();
      return new BtPhone(c);
    };

    it("F0 → F1 (notified, asked for its log) → F2 in the F1's causal window; refusals counted", async () => {
      const config = await call(url, "GET", "/v1/config");
      expect(config.body.design).toBe("bluetrace");
      const [a, b, c, d, e, f] = await Promise.all(["a", "b", "c", "d", "e", "f"].map(open));
      const day2 = midnight(2);
      for (const p of [a!, b!, c!, d!, e!, f!]) await p.fetchTempIds(url, day2, 3);

      const yesterday = midnight(1);
      // A hears B close for 15 min yesterday (a contact), D for 10 min (not one).
      a!.hear(b!, yesterday + 36_000, 3, 1);
      a!.hear(d!, yesterday + 40_000, 2, 1);
      // B hears C close yesterday afternoon (after its exposure day began: F2), E the day before
      // (before B could have been infected: not F2).
      b!.hear(c!, yesterday + 50_000, 3, 1);
      b!.hear(e!, day2 + 36_000, 3, 1);
      // F met only C, who never uploads: the server never learns of it.
      c!.hear(f!, yesterday + 60_000, 3, 1);
      // A tampered TempID, and B's TempID replayed two hours after it expired.
      const tampered = a!.tempIdAt(yesterday + 1000);
      const bad = `${tampered[0] === "A" ? "B" : "A"}${tampered.slice(1)}`;
      a!.records.push({ timestamp: yesterday + 1000, msg: bad, rssi: -50, txPower: TX_POWER });
      a!.records.push({
        timestamp: yesterday + 43_200,
        msg: b!.tempIdAt(yesterday + 36_000),
        rssi: -50,
        txPower: TX_POWER,
      });

      const code = await call(url, "POST", "/v1/f0-codes", { caseRef: "bt-case-1" }, HA);
      const redeemed = await call(
        url,
        "POST",
        "/v1/f0-codes/redeem",
        { code: code.body.code, phoneId: a!.phone.phoneId },
        a!.phone.auth,
      );
      expect(redeemed.status).toBe(200);
      // Before anyone is notified, B has no request for its log.
      const early = await call(
        url,
        "POST",
        "/v1/bluetrace/upload-grant",
        { phoneId: b!.phone.phoneId },
        b!.phone.auth,
      );
      expect(early.status).toBe(404);
      // Another phone's token is refused, and changes nothing.
      const stolen = await b!.upload(url, redeemed.body.uploadToken);
      expect(stolen.status).toBe(401);

      const ack = await a!.upload(url, redeemed.body.uploadToken);
      expect(ack.status).toBe(201);
      expect(ack.body).toMatchObject({
        records: a!.records.length,
        valid: 5,
        refused: { failed_decryption: 1, expired_id: 1, unknown_user: 0 },
      });
      await b!.client.until(() => b!.client.notifications.length > 0, "B's notification");
      expect(b!.client.notifications[0]).toMatchObject({
        role: "F1",
        indexId: redeemed.body.indexId,
        exposureDay: Math.floor(yesterday / 86_400),
        closeSeconds: 900,
      });

      const grant = await call<bluetrace.BtUploadGrant>(
        url,
        "POST",
        "/v1/bluetrace/upload-grant",
        { phoneId: b!.phone.phoneId },
        b!.phone.auth,
      );
      expect(grant.status).toBe(200);
      expect((await b!.upload(url, grant.body.uploadToken)).status).toBe(201);
      await c!.client.until(() => c!.client.notifications.length > 0, "C's notification");
      expect(c!.client.notifications[0]).toMatchObject({ role: "F2", indexId: grant.body.indexId });
      await m.idle();
      for (const p of [a!, d!, e!, f!]) expect(p.client.notifications).toEqual([]);

      // The operator links A–B, A–D, B–C, B–E: four phones besides the F0, four edges; F
      // registered and fetched TempIDs, which alone does not count.
      const privacy = await call(url, "GET", "/v1/bluetrace/privacy", undefined, HA);
      expect(privacy.body).toEqual({ nonIndexPhonesKnown: 4, contactEdgesKnown: 4 });
      expect(await m.design!.privacy()).toEqual(privacy.body);
      // Phones match nothing: the server opened every TempID.
      expect(await m.design!.phoneCrypto!()).toEqual({
        perPhone: 0,
        operation: expect.stringMatching(/^none: the server decrypts/),
      });
      // Six user ids, two logs (A's 5 valid sightings, B's 6), roles, a grant: at least the logs.
      expect(await m.design!.storageBytes()).toBeGreaterThan(11 * 40);
    });
  });
}

describe("BlueTrace on the memory store, killed with SIGKILL", () => {
  it("keeps the acknowledged upload, the F1's notification and grant, and the key", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tracebed-bt-kill9-"));
    const flags = ["--data", dataDir, "--ha-token", HA_TOKEN, "--design", "bluetrace"];
    const clients: PhoneClient[] = [];
    let server = await startServe(flags, { timeoutMs: 60_000 });
    try {
      const open = async (name: string) => {
        const c = await PhoneClient.open(new TestPhone(name, 0), server.url);
        clients.push(c);
        await c.connected();
        return new BtPhone(c);
      };
      const [a, b] = await Promise.all(["a", "b"].map(open));
      for (const p of [a!, b!]) await p.fetchTempIds(server.url, midnight(2), 3);
      a!.hear(b!, midnight(1) + 36_000, 3, 1);
      const code = await call(server.url, "POST", "/v1/f0-codes", { caseRef: "bt-kill" }, HA);
      const redeemed = await call(
        server.url,
        "POST",
        "/v1/f0-codes/redeem",
        { code: code.body.code, phoneId: a!.phone.phoneId },
        a!.phone.auth,
      );
      const body = {
        idempotencyKey: idemKey(),
        phoneId: a!.phone.phoneId,
        uploadToken: redeemed.body.uploadToken,
        records: a!.records,
      };
      const ack = await call(server.url, "POST", "/v1/bluetrace/uploads", body, a!.phone.auth);
      expect(ack.status).toBe(201);
      await b!.client.until(() => b!.client.notifications.length > 0, "B's notification");
      for (const c of clients) c.socket.disconnect();

      await server.kill9();
      server = await startServe(flags, { timeoutMs: 60_000 });
      // The upload is there: a retry is answered with the same ack, and the log still links A–B.
      const replay = await call(server.url, "POST", "/v1/bluetrace/uploads", body, a!.phone.auth);
      expect(replay.status).toBe(200);
      expect(replay.body).toMatchObject({ ...ack.body, replayed: true });
      const privacy = await call(server.url, "GET", "/v1/bluetrace/privacy", undefined, HA);
      expect(privacy.body).toEqual({ nonIndexPhonesKnown: 1, contactEdgesKnown: 1 });
      // B's notification as F1 is there: the health authority's request for its log stands.
      const grant = await call(
        server.url,
        "POST",
        "/v1/bluetrace/upload-grant",
        { phoneId: b!.phone.phoneId },
        b!.phone.auth,
      );
      expect(grant.status).toBe(200);
      // The key is the same: a TempID issued before the crash still opens (B's log names A).
      b!.hear(a!, midnight(1) + 40_000, 3, 1);
      expect((await b!.upload(server.url, grant.body.uploadToken)).body).toMatchObject({
        valid: 3,
        refused: { failed_decryption: 0, expired_id: 0, unknown_user: 0 },
      });
    } finally {
      for (const c of clients) c.socket.disconnect();
      await server.kill9();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
