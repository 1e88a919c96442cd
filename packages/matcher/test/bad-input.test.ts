// Bad input gets a clear 4xx JSON error naming the field and changes nothing; the server stays
// healthy. Every POST route of the OpenAPI document is exercised.
import {
  EVENTS,
  errorBodySchema,
  LIVE_NAMESPACE,
  MAX_LOG_ENTRIES,
  PHONE_NAMESPACE,
  SOCKET_EVENTS,
} from "@tracebed/protocol";
import { io as ioc } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMatcher, DEFAULT_BODY_LIMITS, type Matcher, ROUTES } from "../src/index.js";
import { confirmF0, HA, HA_TOKEN, registered } from "./helpers/clients.js";
import { call, streamBody } from "./helpers/http.js";
import { idemKey, meet, midnight, TestPhone, today } from "./helpers/phones.js";

let matcher: Matcher;
let url: string;
let clockMs = Date.now();

beforeAll(async () => {
  matcher = await createMatcher({
    dataDir: null,
    haToken: HA_TOKEN,
    logLevel: "silent",
    defaultMetrics: false,
    clock: () => clockMs,
    // The guessing limits have their own tests below; here refusals are the subject.
    redeemLimits: { perAddress: 10_000, global: 10_000 },
  });
  url = (await matcher.listen(0)).url;
  phone = await registered(url);
});

/** A registered phone whose credential the route tests send. */
let phone: Awaited<ReturnType<typeof registered>>;

afterAll(async () => {
  await matcher?.close();
});

function expectError(
  res: { status: number; body: unknown },
  status: number,
  code: string,
  message?: RegExp,
) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const parsed = errorBodySchema.parse(res.body);
  expect(parsed.error.code).toBe(code);
  if (message) expect(parsed.error.message).toMatch(message);
}

const stateOf = async () => {
  const { at: _at, ...rest } = (await call(url, "GET", "/v1/stats")).body;
  return rest;
};

describe("every POST route of the OpenAPI document", () => {
  let posts: { path: string; limit: number }[] = [];
  beforeAll(async () => {
    const doc = (await call(url, "GET", "/v1/openapi.json")).body;
    posts = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([, ops]) => "post" in ops)
      .map(([path]) => ROUTES.find((r) => r.path === path && r.method === "post")!)
      .filter((route) => route.body !== undefined) // POST /v1/phones takes none
      .map((route) => ({ path: route.path, limit: DEFAULT_BODY_LIMITS[route.body!.limit] }));
  });

  it("lists four POST routes, and the document lists every registered route", async () => {
    expect(posts.map((p) => p.path).sort()).toEqual([
      "/v1/f0-codes",
      "/v1/f0-codes/redeem",
      "/v1/uploads/keys",
      "/v1/uploads/log",
    ]);
    const doc = (await call(url, "GET", "/v1/openapi.json")).body;
    expect(doc.openapi).toBe("3.1.0");
    for (const r of matcher.routes) {
      const path = r.url.replace(/:(\w+)/g, "{$1}");
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
    }
    // biome-ignore lint/suspicious/noExplicitAny: tests read JSON loosely
    expect(Object.values(doc.paths).flatMap((ops: any) => Object.keys(ops))).toHaveLength(
      matcher.routes.length,
    );
    expect(doc.components.schemas.LogUpload.properties.log.maxItems).toBe(MAX_LOG_ENTRIES);
    expect(doc["x-socket-io"][PHONE_NAMESPACE].serverToClient[EVENTS.keyPushes]).toBeDefined();
  });

  it("answers malformed JSON, wrong types, wrong media types and oversized bodies with 4xx, changing nothing", async () => {
    const before = await stateOf();
    for (const { path, limit } of posts) {
      const h = path === "/v1/f0-codes" ? HA : phone.auth;
      expectError(
        await call(url, "POST", path, '{"caseRef": "x",', h),
        400,
        "invalid_message",
        /^\(root\): malformed JSON/,
      );
      expectError(
        await call(url, "POST", path, "", { ...h, "content-type": "application/json" }),
        400,
        "invalid_message",
      );
      for (const wrong of ["[]", "null", "42", '"text"', "true"]) {
        expectError(
          await call(url, "POST", path, wrong, h),
          400,
          "invalid_message",
          /^\(root\): must be an object/,
        );
      }
      expectError(await call(url, "POST", path, {}, h), 400, "invalid_message", /: is required/);
      expectError(
        await call(
          url,
          "POST",
          path,
          { phoneId: 12, code: [], caseRef: {}, idempotencyKey: null },
          h,
        ),
        400,
        "invalid_message",
        /^(phoneId|code|caseRef|idempotencyKey): must be/,
      );
      expectError(
        await call(url, "POST", path, '{"__proto__": {"x": 1}}', h),
        400,
        "invalid_message",
      );
      expectError(
        await call(url, "POST", path, "a=1", { ...h, "content-type": "text/plain" }),
        415,
        "unsupported_media_type",
      );
      // Declared too large: refused before reading.
      expectError(
        await call(url, "POST", path, " ".repeat(limit + 1), h),
        413,
        "payload_too_large",
      );
      // Streamed without Content-Length: refused once past the limit, not read whole.
      const streamed = await streamBody(url + path, limit + 32 * 1024 * 1024, h);
      expect(streamed.status).toBe(413);
      expect(JSON.parse(streamed.body).error.code).toBe("payload_too_large");
      expect(streamed.written).toBeLessThan(limit + 32 * 1024 * 1024);
    }
    expect((await call(url, "GET", "/healthz")).status).toBe(200);
    expect(await stateOf()).toEqual(before);
  });

  it("refuses a multi-megabyte log body (over its 16 MiB limit) streamed in chunks", async () => {
    const r = await streamBody(`${url}/v1/uploads/log`, 40 * 1024 * 1024, phone.auth);
    expect(r.status).toBe(413);
    expect(r.written).toBeLessThan(40 * 1024 * 1024);
    expect((await call(url, "GET", "/healthz")).status).toBe(200);
  });
});

describe("field errors", () => {
  it("names the field and the rule", async () => {
    const P = await new TestPhone("F", today() - 3).register(url);
    meet(P, new TestPhone("G", today() - 3), midnight(1), 1, 1);
    const post = (path: string, body: unknown) => call(url, "POST", path, body, P.auth);
    const base = {
      idempotencyKey: idemKey(),
      phoneId: P.phoneId,
      scheme: "bluezone",
      basis: { kind: "exposure", indexIds: ["nonexistent1"] },
    };
    const bad = { ...P.log[0]!, rssi: 50 };
    expectError(
      await post("/v1/uploads/log", { ...base, log: [P.log[0], bad] }),
      400,
      "invalid_message",
      /^log\[1\]\.rssi: must be ≤ 20$/,
    );
    expectError(
      await post("/v1/uploads/log", { ...base, log: [], extra: 1 }),
      400,
      "invalid_message",
      /^extra: is not allowed$/,
    );
    expectError(
      await post("/v1/uploads/keys", {
        ...base,
        keys: [{ unixDay: today(), key: "ab" }],
      }),
      400,
      "invalid_message",
      /^keys\[0\]\.key: must be 64 hex/,
    );
    expectError(
      await post("/v1/uploads/log", { ...base, log: [] }),
      400,
      "unknown_index",
      /^basis\.indexIds\[0\]: no such index person$/,
    );
    expectError(
      await post("/v1/f0-codes/redeem", { code: "123456", phoneId: P.phoneId }),
      400,
      "invalid_message",
      /^code: must be exactly 10 digits$/,
    );
    expectError(
      await call(url, "POST", "/v1/f0-codes", { caseRef: "c", ttlSeconds: 5 }, HA),
      400,
      "invalid_message",
      /^ttlSeconds: must be ≥ 60$/,
    );
    expectError(await call(url, "GET", "/v1/keys?since=-1"), 400, "invalid_message", /^since: /);
    expectError(
      await call(url, "GET", "/v1/uploads/bad!id", undefined, P.auth),
      400,
      "invalid_message",
      /^uploadId: /,
    );
    expectError(
      await call(url, "GET", "/v1/uploads/nosuchupload1", undefined, P.auth),
      404,
      "not_found",
    );
    expectError(
      await call(url, "GET", "/v1/nothing"),
      404,
      "not_found",
      /^no route GET \/v1\/nothing$/,
    );
    expectError(await call(url, "DELETE", "/v1/stats"), 404, "not_found");
  });
});

describe("the HA token", () => {
  it("is required, checked, and refused wrong with 401 before the body is read", async () => {
    const before = await stateOf();
    const body = { caseRef: "case-9" };
    expectError(await call(url, "POST", "/v1/f0-codes", body), 401, "unauthorized", /missing/);
    expectError(
      await call(url, "POST", "/v1/f0-codes", body, {
        authorization: "Bearer wrong-token-xxxxxxxx",
      }),
      401,
      "unauthorized",
      /wrong HA token/,
    );
    expectError(
      await call(url, "POST", "/v1/f0-codes", body, { authorization: `Basic ${HA_TOKEN}` }),
      401,
      "unauthorized",
    );
    const r = await call(url, "POST", "/v1/f0-codes", body, {
      authorization: "Bearer nope-nope-nope",
    });
    expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const streamed = await streamBody(`${url}/v1/f0-codes`, 8 * 1024 * 1024);
    expect(streamed.status).toBe(401);
    expect(await stateOf()).toEqual(before);
  });
});

describe("F0 codes", () => {
  it("are single use: a replayed code is refused, and locks after repeated refusals", async () => {
    const a = new TestPhone("codeA", today());
    const f0 = await confirmF0(url, a, "case-replay");
    expect(f0.indexId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    const code = await call(url, "POST", "/v1/f0-codes", { caseRef: "case-2" }, HA);
    expect(code.status).toBe(201);
    expect(code.body.code).toMatch(/^\d{10}$/);
    const b = await new TestPhone("codeB", today()).register(url);
    const redeem = (c: string, p: { phoneId: string; auth: Record<string, string> }) =>
      call(url, "POST", "/v1/f0-codes/redeem", { code: c, phoneId: p.phoneId }, p.auth);
    expect((await redeem(code.body.code, b)).status).toBe(200);
    const before = await stateOf();
    for (let i = 0; i < 5; i++) {
      expectError(await redeem(code.body.code, await registered(url)), 409, "code_used", /^code: /);
    }
    const locked = await redeem(code.body.code, await registered(url));
    expectError(locked, 429, "too_many_attempts", /^code: locked/);
    // The same phone again: it already is an F0.
    const code3 = await call(url, "POST", "/v1/f0-codes", { caseRef: "case-3" }, HA);
    expectError(await redeem(code3.body.code, b), 409, "already_confirmed");
    // Another phone's id with this credential: refused, the code left alone.
    expectError(
      await call(
        url,
        "POST",
        "/v1/f0-codes/redeem",
        { code: code3.body.code, phoneId: a.phoneId },
        b.auth,
      ),
      403,
      "forbidden",
    );
    expectError(
      await call(url, "POST", "/v1/f0-codes/redeem", { code: code3.body.code, phoneId: b.phoneId }),
      401,
      "unauthorized",
    );
    expect(await stateOf()).toMatchObject({ f0: { confirmed: before.f0.confirmed } });
  });

  it("expire", async () => {
    const code = await call(
      url,
      "POST",
      "/v1/f0-codes",
      { caseRef: "case-exp", ttlSeconds: 60 },
      HA,
    );
    const late = await registered(url);
    clockMs += 61_000;
    try {
      expectError(
        await call(
          url,
          "POST",
          "/v1/f0-codes/redeem",
          { code: code.body.code, phoneId: late.phoneId },
          late.auth,
        ),
        410,
        "code_expired",
      );
    } finally {
      clockMs -= 61_000;
    }
  });
});

describe("F0-code guessing", () => {
  /** A matcher of its own, so that other tests' refusals count for nothing here. */
  async function guessed(redeemLimits?: { perAddress?: number; global?: number }) {
    const m = await createMatcher({
      dataDir: null,
      haToken: HA_TOKEN,
      logLevel: "silent",
      defaultMetrics: false,
      ...(redeemLimits ? { redeemLimits } : {}),
    });
    const u = (await m.listen(0)).url;
    // 1,000 failed guesses, each from a freshly registered phone (a new phone resets nothing).
    const statuses: number[] = [];
    for (let i = 0; i < 1_000; i++) {
      const p = await registered(u);
      const guess = String(1_000_000_000 + i * 7_919);
      const r = await call(
        u,
        "POST",
        "/v1/f0-codes/redeem",
        { code: guess, phoneId: p.phoneId },
        p.auth,
      );
      statuses.push(r.status);
    }
    return { m, u, statuses };
  }

  it("stops 1,000 guesses from fresh phones with 429 within the first 200 (per address)", async () => {
    const { m, u, statuses } = await guessed();
    try {
      const first = statuses.indexOf(429);
      expect(first).toBeGreaterThanOrEqual(0);
      expect(first).toBeLessThan(200);
      expect(statuses.slice(0, first).every((s) => s === 404)).toBe(true);
      expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
      // A live code is not redeemable from that address for now: guessing stays stopped.
      const code = await call(u, "POST", "/v1/f0-codes", { caseRef: "case-guess" }, HA);
      const p = await registered(u);
      const r = await call(
        u,
        "POST",
        "/v1/f0-codes/redeem",
        { code: code.body.code, phoneId: p.phoneId },
        p.auth,
      );
      expectError(r, 429, "too_many_attempts", /from 127\.0\.0\.1/);
      expect(r.headers.get("retry-after")).toBe("3600");
    } finally {
      await m.close();
    }
  });

  it("trips the global breaker when guesses come from many addresses", async () => {
    // Loopback has one address: a per-address limit out of reach stands in for many.
    const { m, statuses } = await guessed({ perAddress: 1_000_000, global: 150 });
    try {
      expect(statuses.indexOf(429)).toBe(150);
      expect(statuses.slice(150).every((s) => s === 429)).toBe(true);
    } finally {
      await m.close();
    }
  });

  it("counts refusals only: many honest redemptions from one address are never held up", async () => {
    const m = await createMatcher({
      dataDir: null,
      haToken: HA_TOKEN,
      logLevel: "silent",
      defaultMetrics: false,
      redeemLimits: { perAddress: 3, global: 3 },
    });
    const u = (await m.listen(0)).url;
    try {
      for (let i = 0; i < 30; i++) {
        const code = await call(u, "POST", "/v1/f0-codes", { caseRef: `case-ok-${i}` }, HA);
        const p = await registered(u);
        const r = await call(
          u,
          "POST",
          "/v1/f0-codes/redeem",
          { code: code.body.code, phoneId: p.phoneId },
          p.auth,
        );
        expect(r.status).toBe(200);
      }
    } finally {
      await m.close();
    }
  });
});

describe("uploads", () => {
  it("are idempotent: a retry is stored once and answered with the original ack", async () => {
    const a = new TestPhone("idem", today() - 2);
    meet(a, new TestPhone("x", today() - 2), midnight(1), 3, 1);
    const f0 = await confirmF0(url, a, "case-idem");
    const keys = await call(
      url,
      "POST",
      "/v1/uploads/keys",
      {
        idempotencyKey: idemKey(),
        phoneId: a.phoneId,
        scheme: "bluezone",
        basis: { kind: "f0", uploadToken: f0.uploadToken },
        keys: a.keys(today()),
      },
      a.auth,
    );
    expect(keys.status).toBe(201);
    const before = await stateOf();
    const body = {
      idempotencyKey: idemKey(),
      phoneId: a.phoneId,
      scheme: "bluezone",
      basis: { kind: "f0", uploadToken: f0.uploadToken },
      log: a.log,
    };
    const first = await call(url, "POST", "/v1/uploads/log", body, a.auth);
    expect(first.status).toBe(201);
    expect(first.body.replayed).toBe(false);
    const [r1, r2] = await Promise.all([
      call(url, "POST", "/v1/uploads/log", body, a.auth),
      call(url, "POST", "/v1/uploads/log", body, a.auth),
    ]);
    for (const r of [r1, r2]) {
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ ...first.body, replayed: true });
    }
    expect(
      (await call(url, "GET", `/v1/uploads/${first.body.uploadId}`, undefined, a.auth)).body,
    ).toEqual(first.body);
    expect((await stateOf()).uploads.stored).toBe(before.uploads.stored + 1);

    expectError(
      await call(url, "POST", "/v1/uploads/log", { ...body, log: a.log.slice(1) }, a.auth),
      409,
      "idempotency_conflict",
      /^idempotencyKey: /,
    );
    // A retry is the same bytes: the same content serialised otherwise counts as another body.
    expectError(
      await call(url, "POST", "/v1/uploads/log", JSON.stringify(body, null, 1), a.auth),
      409,
      "idempotency_conflict",
    );
    expectError(
      await call(
        url,
        "POST",
        "/v1/uploads/log",
        {
          ...body,
          idempotencyKey: idemKey(),
          scheme: "gaen",
          log: [],
        },
        a.auth,
      ),
      409,
      "scheme_mismatch",
    );
    expectError(
      await call(
        url,
        "POST",
        "/v1/uploads/log",
        {
          ...body,
          idempotencyKey: idemKey(),
          basis: { kind: "f0", uploadToken: "x".repeat(40) },
        },
        a.auth,
      ),
      401,
      "unauthorized",
      /^basis\.uploadToken: unknown/,
    );
    expectError(
      await call(
        url,
        "POST",
        "/v1/uploads/log",
        {
          ...body,
          idempotencyKey: idemKey(),
          phoneId: "another-phone-1",
        },
        a.auth,
      ),
      403,
      "forbidden",
      /^phoneId: not the phone of this credential$/,
    );
    // Another phone cannot read this phone's acknowledgement.
    const other = await registered(url);
    expectError(
      await call(url, "GET", `/v1/uploads/${first.body.uploadId}`, undefined, other.auth),
      404,
      "not_found",
    );
    expectError(await call(url, "GET", `/v1/uploads/${first.body.uploadId}`), 401, "unauthorized");
    // The operator (HA token) reads any acknowledgement: durability checks after a crash.
    const asOperator = await call(url, "GET", `/v1/uploads/${first.body.uploadId}`, undefined, HA);
    expect(asOperator.body, JSON.stringify(asOperator.body)).toEqual(first.body);
    expect((await stateOf()).uploads.stored).toBe(before.uploads.stored + 1);
  });
});

describe("Socket.IO payloads", () => {
  it("refuses a handshake without this phone's credential", async () => {
    const other = await registered(url);
    for (const auth of [
      {},
      { phoneId: "x" },
      { phoneId: phone.phoneId }, // a victim's id, no secret
      { phoneId: phone.phoneId, secret: "w".repeat(43) }, // a wrong secret
      { phoneId: phone.phoneId, secret: other.secret }, // another phone's secret
      { phoneId: phone.phoneId, secret: phone.secret, extra: 1 },
    ]) {
      const s = ioc(url, { transports: ["websocket"], auth, reconnection: false, forceNew: true });
      // biome-ignore lint/suspicious/noExplicitAny: tests read JSON loosely
      const err = await new Promise<Error & { data?: any }>((resolve) =>
        s.on("connect_error", resolve),
      );
      expect(err.message).toMatch(/^auth/);
      expect(errorBodySchema.parse(err.data).error.code).toBe("unauthorized");
      s.close();
    }
  });

  it("validates catch-up requests and refuses unknown events", async () => {
    const s = ioc(url, {
      transports: ["websocket"],
      auth: { phoneId: phone.phoneId, secret: phone.secret },
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve) => s.on(EVENTS.ready, () => resolve()));
    const ok = await s.emitWithAck(EVENTS.catchUp, { since: 0 });
    expect(ok).toMatchObject({ more: false });
    expect(await s.emitWithAck(EVENTS.catchUp, { since: -1 })).toMatchObject({
      error: { code: "invalid_message", message: expect.stringMatching(/^since: /) },
    });
    expect(await s.emitWithAck(EVENTS.catchUp, "nonsense")).toMatchObject({
      error: { code: "invalid_message" },
    });
    // biome-ignore lint/suspicious/noExplicitAny: tests read JSON loosely
    const refused = new Promise<any>((resolve) => s.on(EVENTS.refused, resolve));
    s.emit("hack", { x: 1 });
    expect((await refused).error.message).toMatch(/^hack: no such event/);
    s.close();
    expect((await call(url, "GET", "/healthz")).status).toBe(200);
  });

  it("refuses any event a viewer sends to the read-only live feed, as SOCKET_EVENTS says", async () => {
    const v = ioc(`${url}${LIVE_NAMESPACE}`, {
      transports: ["websocket"],
      auth: { token: HA_TOKEN },
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve) => v.on("connect", () => resolve()));
    const refused = new Promise<unknown>((resolve) => v.on(EVENTS.refused, resolve));
    v.emit(EVENTS.catchUp, { since: 0 });
    const body = SOCKET_EVENTS[LIVE_NAMESPACE].serverToClient[EVENTS.refused].parse(await refused);
    expect(body.error).toMatchObject({
      code: "invalid_message",
      message: "catch-up: the live feed takes no events",
    });
    // With an ack, the refusal comes as the ack.
    expect(await v.emitWithAck("stats", {})).toMatchObject({
      error: { message: "stats: the live feed takes no events" },
    });
    v.close();
  });
});

describe("rate limits", () => {
  it("answer 429 per IP, per phone and per connection, and spare /healthz", async () => {
    const m = await createMatcher({
      dataDir: null,
      haToken: HA_TOKEN,
      logLevel: "silent",
      defaultMetrics: false,
      rateLimits: {
        ip: { burst: 12, perSecond: 0.01 },
        phone: { burst: 2, perSecond: 0.01 },
        socket: { burst: 3, perSecond: 0.01 },
      },
    });
    const u = (await m.listen(0)).url;
    try {
      const [p1, p2, p3] = [await registered(u), await registered(u), await registered(u)];
      const redeem = (p: typeof p1) =>
        call(u, "POST", "/v1/f0-codes/redeem", { code: "0000000000", phoneId: p.phoneId }, p.auth);
      expect((await redeem(p1)).status).toBe(404);
      expect((await redeem(p1)).status).toBe(404);
      const third = await redeem(p1);
      expectError(third, 429, "rate_limited", /^phoneId: /);
      expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await redeem(p2)).status).toBe(404);

      const s = ioc(u, {
        transports: ["websocket"],
        auth: { phoneId: p3.phoneId, secret: p3.secret },
        reconnection: false,
        forceNew: true,
      });
      await new Promise<void>((resolve) => s.on(EVENTS.ready, () => resolve()));
      const acks = [];
      for (let i = 0; i < 5; i++) acks.push(await s.emitWithAck(EVENTS.catchUp, {}));
      expect(acks.slice(0, 3).every((a) => "pushes" in a)).toBe(true);
      expect(acks[4]).toMatchObject({ error: { code: "rate_limited" } });
      s.close();

      let status = 0;
      for (let i = 0; i < 15 && status !== 429; i++)
        status = (await call(u, "GET", "/v1/stats")).status;
      expect(status).toBe(429);
      expect((await call(u, "GET", "/healthz")).status).toBe(200);
      const metrics = (await call(u, "GET", "/metrics")).body as string;
      expect(metrics).toMatch(/tracebed_rate_limited_total\{scope="ip"\} [1-9]/);
      expect(metrics).toMatch(/tracebed_rate_limited_total\{scope="phone"\} [1-9]/);
      expect(metrics).toMatch(/tracebed_rate_limited_total\{scope="socket"\} [1-9]/);
    } finally {
      await m.close();
    }
  });
});

describe("metrics", () => {
  it("exposes the matcher's metrics in Prometheus format", async () => {
    const r = await call(url, "GET", "/metrics");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/plain/);
    for (const name of [
      "tracebed_uploads_total",
      "tracebed_notifications_total",
      "tracebed_decide_duration_seconds",
      "tracebed_phones_connected",
      "tracebed_http_request_duration_seconds_bucket",
      "tracebed_rate_limited_total",
      "tracebed_f0_codes_total",
    ]) {
      expect(r.body).toContain(name);
    }
  });
});

describe("options", () => {
  it.each([-1, 1.5, 60_001])("refuses an F1 push hold of %s ms in one line", async (ms) => {
    await expect(
      createMatcher({ dataDir: null, haToken: HA_TOKEN, f1PushHoldMs: ms }),
    ).rejects.toThrow(/^f1PushHoldMs: must be an integer from 0 to 60000$/);
  });
});
