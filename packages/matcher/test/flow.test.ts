// The whole Bluezone hybrid flow over HTTP and real Socket.IO clients, on the memory store:
// A and B close on one day → A is F0 → B notified F1, exposed that day; F close to B that
// day → F notified F2; C close to B the day before B's exposure → not an F2 (an F1's window
// is causal); D far from A and E too briefly near B → never notified.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  EVENTS,
  type KeyPush,
  LIVE_NAMESPACE,
  operatorCountsSchema,
  parseMessage,
  SOCKET_EVENTS,
} from "@tracebed/protocol";
import { io as ioc } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { bluezonePhoneCrypto, bluezonePrivacy } from "../src/designs/bluezone/privacy.js";
import { createMatcher, type Matcher } from "../src/index.js";
import { confirmF0, HA_TOKEN, PhoneClient } from "./helpers/clients.js";
import { call } from "./helpers/http.js";
import { meet, midnight, TestPhone, today } from "./helpers/phones.js";

const VIEWER_TOKEN = "test-viewer-token-0123456789";
const dataDir = mkdtempSync(join(tmpdir(), "tracebed-flow-"));
let matcher: Matcher;
let url: string;

const T = today();
const A = new TestPhone("A", T - 20);
const B = new TestPhone("B", T - 20);
const C = new TestPhone("C", T - 20);
const D = new TestPhone("D", T - 20);
const E = new TestPhone("E", T - 20);
const F = new TestPhone("F", T - 20);
const G = new TestPhone("G", T - 20);
// Yesterday 10:00 UTC, 3 scan periods at 1 m: exactly 15 minutes close.
meet(A, B, midnight(1) + 10 * 3600, 3, 1);
// Two days ago 14:00, 4 periods at 1.5 m: before B's exposure, so it does not count.
meet(B, C, midnight(2) + 14 * 3600, 4, 1.5);
// Yesterday 08:00, 4 periods at 1.5 m: before B met A, but on B's exposure day, so it counts.
meet(B, F, midnight(1) + 8 * 3600, 4, 1.5);
// Three days ago 09:00, 3 periods at 1 m: G, a later F0, exposed B before A did.
meet(B, G, midnight(3) + 9 * 3600, 3, 1);
// D is near A for half an hour, but 10 m away: evidence, never close.
meet(A, D, midnight(1) + 12 * 3600, 6, 10);
// E is close to B for only 2 periods (10 minutes).
meet(B, E, midnight(1) + 16 * 3600, 2, 0.5);

async function start(): Promise<Matcher> {
  const m = await createMatcher({
    dataDir,
    haToken: HA_TOKEN,
    viewerToken: VIEWER_TOKEN,
    logLevel: "silent",
    defaultMetrics: false,
  });
  url = (await m.listen(0)).url;
  return m;
}

beforeAll(async () => {
  matcher = await start();
});

afterAll(async () => {
  await matcher?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the Bluezone hybrid flow", () => {
  it("finds F1 and F2 and nobody else, pushing keys and notifications over Socket.IO", async () => {
    const feed = (token: string) =>
      ioc(`${url}${LIVE_NAMESPACE}`, {
        transports: ["websocket"],
        forceNew: true,
        reconnection: false,
        auth: { token },
      });
    const live = feed(HA_TOKEN);
    // biome-ignore lint/suspicious/noExplicitAny: tests read JSON loosely
    const liveEvents: { event: string; payload: any }[] = [];
    live.onAny((event: string, payload: unknown) => liveEvents.push({ event, payload }));
    await new Promise<void>((resolve) => live.on("connect", () => resolve()));
    const viewer = feed(VIEWER_TOKEN);
    // biome-ignore lint/suspicious/noExplicitAny: tests read JSON loosely
    const viewerEvents: { event: string; payload: any }[] = [];
    viewer.onAny((event: string, payload: unknown) => viewerEvents.push({ event, payload }));
    await new Promise<void>((resolve) => viewer.on("connect", () => resolve()));

    const phones = await Promise.all([A, B, C, D, E, F].map((p) => PhoneClient.open(p, url)));
    const [a, b, c, d, e, f] = phones as [
      PhoneClient,
      PhoneClient,
      PhoneClient,
      PhoneClient,
      PhoneClient,
      PhoneClient,
    ];
    await Promise.all(phones.map((p) => p.connected()));
    expect(a.ready).toMatchObject({ phoneId: A.phoneId, latestSeq: 0 });

    // Steps 1–2: the HA confirms A; A redeems, uploads its keys and log.
    const f0 = await confirmF0(url, A);
    const ack = await a.upload({ kind: "f0", uploadToken: f0.uploadToken });
    expect(ack.keys).toMatchObject({
      kind: "keys",
      count: 14,
      replayed: false,
      phoneId: A.phoneId,
    });
    expect(ack.log).toMatchObject({ kind: "log", count: A.log.length });

    // Step 3: every phone gets A's keys.
    const isA = (p: KeyPush) => p.indexId === f0.indexId;
    await Promise.all(phones.map((p) => p.until(() => p.pushes.some(isA), "A's push")));
    const pushA = a.pushes.find(isA)!;
    expect(pushA).toMatchObject({
      seq: 1,
      role: "F0",
      scheme: "bluezone",
      windowEnd: f0.windowEnd,
    });
    expect(pushA.keys).toHaveLength(14);

    // Step 4: phones with a hit upload (B and D); C, E and F have none.
    const uploaded = await Promise.all([b, c, d, e, f].map((p) => p.onPush(pushA)));
    expect(uploaded).toEqual([true, false, true, false, false]);

    // Step 5: the server decides B is F1 of A, 900 s close yesterday.
    await b.until(() => b.notifications.length > 0, "B's notification");
    expect(b.notifications).toEqual([
      expect.objectContaining({
        role: "F1",
        indexId: f0.indexId,
        bestDay: T - 1,
        exposureDay: T - 1,
        closeSeconds: 900,
      }),
    ]);

    // B's keys are pushed in turn (role F1, its window from its exposure day to its
    // notification, so only the keys of those days).
    const isB = (p: KeyPush) => p.role === "F1";
    await Promise.all(phones.map((p) => p.until(() => p.pushes.some(isB), "B's push")));
    const pushB = c.pushes.find(isB)!;
    expect(pushB).toMatchObject({
      seq: 2,
      windowEnd: b.notifications[0]!.notifiedAt,
      windowStart: (T - 1) * 86_400,
    });
    expect(pushB.keys.map((k) => k.unixDay)).toEqual([T - 1, T]);
    const again = await Promise.all([a, c, d, e, f].map((p) => p.onPush(pushB)));
    expect(again).toEqual([true, false, false, true, true]);

    await f.until(() => f.notifications.length > 0, "F's notification");
    expect(f.notifications).toEqual([
      expect.objectContaining({
        role: "F2",
        indexId: pushB.indexId,
        bestDay: T - 1,
        exposureDay: T - 1,
        closeSeconds: 1200,
      }),
    ]);

    // C met B only before B's exposure: even uploading as if it had a hit, it is no F2.
    await c.upload({ kind: "exposure", indexIds: [pushB.indexId] });
    await matcher.idle();
    expect(c.notifications).toEqual([]);
    expect(a.notifications).toEqual([]); // the F0 is not its own F1's F2
    expect(d.notifications).toEqual([]);
    expect(e.notifications).toEqual([]);
    expect(b.notifications).toHaveLength(1);

    const stats = await call(url, "GET", "/v1/stats");
    expect(stats.body).toMatchObject({
      uploads: { stored: 14 },
      f0: { confirmed: 1, codesIssued: 1 },
      notifications: { f1: 1, f2: 1, sent: 2 },
      keyPushes: { total: 2, latestSeq: 2 },
      phones: { connected: 6 },
    });

    // Catch-up gives the same pushes.
    const keys = await call(url, "GET", "/v1/keys?since=0");
    expect(keys.body).toEqual({ pushes: [pushA, pushB], next: 2, more: false });
    expect((await call(url, "GET", "/v1/keys?since=1")).body.pushes).toEqual([pushB]);

    // The live feed saw it all, without phone identities.
    await new Promise((r) => setTimeout(r, 1_200));
    const names = liveEvents.map((x) => x.event);
    expect(names).toContain(EVENTS.f0Confirmed);
    expect(liveEvents.filter((x) => x.event === EVENTS.keyPushed)).toHaveLength(2);
    const notified = liveEvents.filter((x) => x.event === EVENTS.notified).map((x) => x.payload);
    expect(notified.map((n) => n.role)).toEqual(["F1", "F2"]);
    expect(notified[0].contactIndexId).toBe(pushB.indexId);
    expect(notified[1].indexId).toBe(pushB.indexId);
    expect(JSON.stringify(liveEvents)).not.toContain(B.phoneId);
    // Every payload is what the protocol says.
    const liveSchemas: Record<string, z.ZodType> = SOCKET_EVENTS[LIVE_NAMESPACE].serverToClient;
    for (const { event, payload } of [...liveEvents, ...viewerEvents]) {
      parseMessage(liveSchemas[event]!, payload);
    }
    // The viewer scope sees the counts and that people were notified, never through whom.
    const seen = viewerEvents.filter((x) => x.event === EVENTS.notified).map((x) => x.payload);
    expect(seen.map((n) => [n.role, n.indexId, n.contactIndexId])).toEqual([
      ["F1", null, null],
      ["F2", null, null],
    ]);
    expect(JSON.stringify(viewerEvents)).not.toContain(`"contactIndexId":"`);
    expect(
      viewerEvents.filter((x) => x.event === EVENTS.stats).at(-1)!.payload.notifications,
    ).toMatchObject({ f1: 1, f2: 1 });
    const lastStats = liveEvents.filter((x) => x.event === EVENTS.stats).at(-1)!.payload;
    expect(lastStats.notifications).toMatchObject({ f1: 1, f2: 1 });

    // What the operator can learn: every phone but G uploaded keys, a log and (but A) an
    // exposure, so the five contacts among A–F are tied; G, seen by B, uploaded nothing yet.
    expect(await bluezonePrivacy(matcher.store)).toEqual({
      nonIndexPhonesKnown: 5,
      contactEdgesKnown: 5,
    });
    // The operator's route answers the same counts from the same store, whatever the design.
    const counts = operatorCountsSchema.parse(
      await (
        await fetch(`${url}/v1/operator/counts`, {
          headers: { authorization: `Bearer ${HA_TOKEN}` },
        })
      ).json(),
    );
    expect(counts).toEqual({
      design: "bluezone",
      privacy: { nonIndexPhonesKnown: 5, contactEdgesKnown: 5 },
      phoneCrypto: await bluezonePhoneCrypto(matcher.store),
      storageBytes: expect.any(Number),
    });
    // A's and B's pushes: 96 IDs a day of every key each phone received.
    expect(counts.phoneCrypto.perPhone).toBeGreaterThan(0);
    expect(counts.phoneCrypto.perPhone % 96).toBe(0);
    // The memory store's files (read after the route: a later write only adds to them).
    const files = matcher.store.storageFigures!();
    expect(counts.storageBytes).toBeLessThanOrEqual(files.snapshotBytes + files.journalBytes);
    expect(counts.storageBytes).toBeGreaterThan(0);

    // G, confirmed later, met B on T-3: B's exposure is the earliest over its F0, so B's
    // window moves back to T-3, its keys are pushed again, and C (met on T-2) becomes an F2.
    const g = await PhoneClient.open(G, url);
    await g.connected();
    const f0G = await confirmF0(url, G, "case-2");
    await g.upload({ kind: "f0", uploadToken: f0G.uploadToken });
    const isG = (p: KeyPush) => p.indexId === f0G.indexId;
    await b.until(() => b.pushes.some(isG), "G's push");
    expect(await b.onPush(b.pushes.find(isG)!)).toBe(true);
    const isB2 = (p: KeyPush) => p.indexId === pushB.indexId && p.seq > pushB.seq;
    await c.until(() => c.pushes.some(isB2), "B's second push");
    const pushB2 = c.pushes.find(isB2)!;
    expect(pushB2).toMatchObject({ windowEnd: pushB.windowEnd, windowStart: (T - 3) * 86_400 });
    expect(pushB2.keys.map((k) => k.unixDay)).toEqual([T - 3, T - 2, T - 1, T]);
    expect(c.phone.hits(pushB2)).toBe(true);
    await c.until(() => c.notifications.length > 0, "C's notification");
    expect(c.notifications).toEqual([
      expect.objectContaining({ role: "F2", indexId: pushB.indexId, bestDay: T - 2 }),
    ]);
    await matcher.idle();
    expect(b.notifications).toHaveLength(1); // still one F1 notification, from A
    // G is an F0 (an index person, not counted); its keys tie B's sightings of it.
    expect(await bluezonePrivacy(matcher.store)).toEqual({
      nonIndexPhonesKnown: 5,
      contactEdgesKnown: 6,
    });
    g.close();

    // A phone reconnecting gets its notification again.
    b.close();
    const b2 = await PhoneClient.open(B, url);
    await b2.until(() => b2.notifications.length === 1, "B's stored notification");
    expect(b2.notifications[0]).toEqual(b.notifications[0]);
    b2.close();

    for (const p of phones) p.close();
    live.close();
    viewer.close();
  });

  it("refuses the live feed without an operator or viewer token", async () => {
    for (const auth of [{}, { token: "not-the-right-token-000" }]) {
      const s = ioc(`${url}${LIVE_NAMESPACE}`, {
        transports: ["websocket"],
        forceNew: true,
        reconnection: false,
        auth,
      });
      const err = await new Promise<Error & { data?: unknown }>((resolve) =>
        s.on("connect_error", resolve),
      );
      expect(err.data).toMatchObject({ error: { code: "unauthorized" } });
      s.close();
    }
  });

  it("replays its journal on restart: same stats, pushes and uploads", async () => {
    const before = (await call(url, "GET", "/v1/stats")).body;
    const keys = (await call(url, "GET", "/v1/keys")).body;
    await matcher.close();
    matcher = await start();
    const after = (await call(url, "GET", "/v1/stats")).body;
    expect({ ...after, at: 0, phones: 0 }).toEqual({ ...before, at: 0, phones: 0 });
    expect((await call(url, "GET", "/v1/keys")).body).toEqual(keys);
    await matcher.idle();
    expect((await call(url, "GET", "/v1/stats")).body.notifications).toEqual(before.notifications);
  });
});
