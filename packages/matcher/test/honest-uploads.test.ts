// Uploads as phones make them, and only as the phone's own: a log's own IDs must derive from
// the keys the phone uploaded; keys outside the window are refused (and the acknowledgement
// says which and why); a later keys upload of an F0 is pushed again and found by a contact.
import { type KeyPush, SECONDS_PER_DAY } from "@tracebed/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMatcher, type Matcher } from "../src/index.js";
import { HA, HA_TOKEN, PhoneClient } from "./helpers/clients.js";
import { call } from "./helpers/http.js";
import { idemKey, meet, midnight, TestPhone, today } from "./helpers/phones.js";

let matcher: Matcher;
let url: string;

beforeAll(async () => {
  matcher = await createMatcher({
    dataDir: null,
    haToken: HA_TOKEN,
    logLevel: "silent",
    defaultMetrics: false,
  });
  url = (await matcher.listen(0)).url;
});

afterAll(async () => {
  await matcher?.close();
});

const T = today();

function upload(phone: TestPhone, kind: "keys" | "log", basis: unknown, payload: unknown) {
  const body = { idempotencyKey: idemKey(), phoneId: phone.phoneId, scheme: "bluezone", basis };
  return call(url, "POST", `/v1/uploads/${kind}`, { ...body, [kind]: payload }, phone.auth);
}

async function confirm(phone: TestPhone, confirmedAt: number) {
  await phone.register(url);
  const code = await call(url, "POST", "/v1/f0-codes", { caseRef: "case-h", confirmedAt }, HA);
  const r = await call(
    url,
    "POST",
    "/v1/f0-codes/redeem",
    { code: code.body.code, phoneId: phone.phoneId },
    phone.auth,
  );
  expect(r.status).toBe(200);
  return r.body as { indexId: string; uploadToken: string; windowEnd: number };
}

describe("a log's own IDs", () => {
  it("must derive from the phone's uploaded keys, else the upload is refused and changes nothing", async () => {
    const X = await new TestPhone("X", T - 20).register(url);
    const Y = new TestPhone("Y", T - 20);
    const Z = new TestPhone("Z", T - 20);
    meet(X, Z, midnight(1) + 3600, 3, 1);
    meet(Y, Z, midnight(1) + 7200, 3, 1);
    const f0 = await confirm(Z, T * SECONDS_PER_DAY);
    const basis = { kind: "exposure", indexIds: [f0.indexId] };
    const before = (await call(url, "GET", "/v1/stats")).body.uploads.stored;

    // A log before any keys: nothing to derive its own IDs from.
    const early = await upload(X, "log", basis, X.log);
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe("own_ids_not_derived");

    expect((await upload(X, "keys", basis, X.keys(T))).status).toBe(201);
    // Y's sightings (Y's own IDs) in X's name: refused, naming the first bad entry.
    const forged = await upload(X, "log", basis, [...X.log, ...Y.log]);
    expect(forged.status).toBe(422);
    expect(forged.body.error).toEqual({
      code: "own_ids_not_derived",
      message: `log[${X.log.length}].ownId: not derived from this phone's uploaded keys for the sighting's time`,
    });
    // An own ID of the right key but another slot's time: refused too.
    const shifted = [{ ...X.log[0]!, timestamp: X.log[0]!.timestamp + 3_600 }];
    expect((await upload(X, "log", basis, shifted)).status).toBe(422);
    expect((await call(url, "GET", "/v1/stats")).body.uploads.stored).toBe(before + 1);

    // Its own log is taken.
    expect((await upload(X, "log", basis, X.log)).status).toBe(201);
  });
});

describe("keys uploads", () => {
  it("store the keys inside the window and say which were refused and why", async () => {
    const A = new TestPhone("A", T - 40);
    // Confirmed yesterday at noon: today's key is after its window's end.
    const f0 = await confirm(A, (T - 1) * SECONDS_PER_DAY + 12 * 3600);
    const keysOf = (days: number[]) => days.map((d) => A.keys(d).at(-1)!);
    const basis = { kind: "f0", uploadToken: f0.uploadToken };
    // An upload spans at most 14 days (the schema): the old end, then the new end.
    const old = await upload(A, "keys", basis, keysOf([T - 15, T - 14, T - 2]));
    expect(old.status).toBe(201);
    expect(old.body).toMatchObject({ count: 2, refused: [{ unixDay: T - 15, reason: "expired" }] });
    const r = await upload(A, "keys", basis, keysOf([T - 1, T, T + 1]));
    expect(r.status).toBe(201);
    expect(r.body.count).toBe(1);
    expect(r.body.refused).toEqual([
      { unixDay: T, reason: "after_window_end" },
      { unixDay: T + 1, reason: "future" },
    ]);
    const phone = await matcher.store.getPhone(A.phoneId);
    expect(phone?.keys.map((k) => k.unixDay)).toEqual([T - 14, T - 2, T - 1]);
    // The acknowledgement, read again, says the same.
    const again = await call(url, "GET", `/v1/uploads/${r.body.uploadId}`, undefined, A.auth);
    expect(again.body).toEqual(r.body);
  });

  it("an F0's later keys upload (the day of confirmation, next morning) is pushed and found", async () => {
    const F = new TestPhone("F", T - 20);
    const C = new TestPhone("C", T - 20);
    // They meet today, early: the F0 is confirmed now, its window ends now.
    meet(F, C, midnight(0) + 60, 3, 1);
    const now = Math.floor(Date.now() / 1000);
    const c = await PhoneClient.open(C, url);
    await c.connected();
    const f0 = await confirm(F, now);
    const basis = { kind: "f0", uploadToken: f0.uploadToken };
    // First upload: the keys up to yesterday (today's key is still in use on the phone), and
    // the log of those days (none: its own IDs of today need today's key).
    expect((await upload(F, "keys", basis, F.keys(T - 1))).status).toBe(201);
    expect((await upload(F, "log", basis, [])).status).toBe(201);
    const isF = (p: KeyPush) => p.indexId === f0.indexId;
    await c.until(() => c.pushes.some(isF), "F's first push");
    const first = c.pushes.find(isF)!;
    expect(first.keys.at(-1)!.unixDay).toBe(T - 1);
    expect(await c.onPush(first)).toBe(false); // today's sightings: no key for them yet

    // Later: today's key. Pushed again, with every key of the window.
    const later = await upload(F, "keys", basis, F.keys(T).slice(-1));
    expect(later.status).toBe(201);
    expect(later.body).toMatchObject({ count: 1, refused: [] });
    await c.until(() => c.pushes.filter(isF).length === 2, "F's second push");
    const second = c.pushes.filter(isF)[1]!;
    expect(second.seq).toBeGreaterThan(first.seq);
    expect(second.keys.map((k) => k.unixDay)).toEqual(F.keys(T).map((k) => k.unixDay));
    expect(await c.onPush(second)).toBe(true);
    await c.until(() => c.notifications.length > 0, "C's notification");
    expect(c.notifications[0]).toMatchObject({ role: "F1", indexId: f0.indexId, bestDay: T });
    // With today's key, today's log is the F0's own.
    expect((await upload(F, "log", basis, F.log)).status).toBe(201);
    c.close();
  });
});
