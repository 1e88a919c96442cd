import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { parseMessage } from "../../src/messages/errors.js";
import {
  catchUpRequestSchema,
  liveF0ConfirmedSchema,
  liveKeyPushedSchema,
  liveNotifiedSchema,
  phoneHandshakeSchema,
  readySchema,
  SOCKET_EVENTS,
} from "../../src/messages/socket.js";
import { EVENTS, LIVE_NAMESPACE, PHONE_NAMESPACE } from "../../src/messages/socket-names.js";
import {
  errorBodyExample,
  keyCatchUpResponse,
  keyPush,
  liveF0Confirmed,
  liveKeyPushed,
  liveNotified,
  notification,
  ready,
  stats,
} from "./examples.js";
import { expectRejected, without } from "./expect-message.js";

describe("Socket.IO names", () => {
  it("are the wire's", () => {
    expect([PHONE_NAMESPACE, LIVE_NAMESPACE]).toEqual(["/", "/live"]);
    expect(Object.values(EVENTS)).toEqual([
      "ready",
      "key-pushes",
      "notification",
      "catch-up",
      "refused",
      "stats",
      "f0-confirmed",
      "key-pushed",
      "notified",
    ]);
  });

  it("live in a module that imports nothing (the k6 scripts load it as it is)", () => {
    const source = readFileSync(new URL("../../src/messages/socket-names.ts", import.meta.url));
    expect(source.toString()).not.toMatch(/^\s*(?:import|export .* from)\b/m);
  });

  it("each have a schema in SOCKET_EVENTS", () => {
    const named = Object.values(SOCKET_EVENTS).flatMap((ns) => [
      ...Object.keys(ns.serverToClient),
      ...Object.keys(ns.clientToServer),
    ]);
    expect(new Set(named)).toEqual(new Set(Object.values(EVENTS)));
  });
});

describe("phone channel", () => {
  it("takes a handshake with a valid phoneId and secret only", () => {
    const auth = { phoneId: "phone-0001", secret: "s".repeat(43) };
    expect(parseMessage(phoneHandshakeSchema, auth)).toEqual(auth);
    expectRejected(phoneHandshakeSchema, { secret: auth.secret }, "phoneId: is required");
    expectRejected(phoneHandshakeSchema, { phoneId: "phone-0001" }, "secret: is required");
    expectRejected(
      phoneHandshakeSchema,
      { ...auth, phoneId: "x" },
      "phoneId: must be at least 8 characters",
    );
    expectRejected(phoneHandshakeSchema, { ...auth, extra: 1 }, "extra: is not allowed");
  });

  it("says ready with the latest seq and the server's time", () => {
    expect(parseMessage(readySchema, ready)).toEqual(ready);
    expect(parseMessage(readySchema, { ...ready, latestSeq: 0 }).latestSeq).toBe(0);
    expectRejected(readySchema, { ...ready, latestSeq: -1 }, "latestSeq: must be ≥ 0");
    expectRejected(readySchema, without(ready, "serverTime"), "serverTime: is required");
  });

  it("takes a catch-up request from a number, or from the start", () => {
    expect(parseMessage(catchUpRequestSchema, { since: 42 })).toEqual({ since: 42 });
    expect(parseMessage(catchUpRequestSchema, {})).toEqual({});
    expectRejected(catchUpRequestSchema, { since: -1 }, "since: must be ≥ 0");
    expectRejected(catchUpRequestSchema, { since: 1.5 }, "since: must be an integer, got 1.5");
    expectRejected(catchUpRequestSchema, "nonsense", "(root): must be an object, got a string");
  });

  it("describes every payload of the namespace", () => {
    const phones = SOCKET_EVENTS[PHONE_NAMESPACE];
    const payloads: [z.ZodType, unknown][] = [
      [phones.serverToClient[EVENTS.ready], ready],
      [phones.serverToClient[EVENTS.keyPushes], [keyPush]],
      [phones.serverToClient[EVENTS.notification], notification],
      [phones.serverToClient[EVENTS.refused], errorBodyExample],
      [phones.clientToServer[EVENTS.catchUp], { since: 0 }],
      [phones.acks[EVENTS.catchUp], keyCatchUpResponse],
      [phones.acks[EVENTS.catchUp], errorBodyExample],
      [phones.handshake, { phoneId: "phone-0001", secret: "s".repeat(43) }],
    ];
    for (const [schema, value] of payloads) expect(parseMessage(schema, value)).toEqual(value);
    expectRejected(
      phones.acks[EVENTS.catchUp],
      { pushes: [] },
      "(root): matches none of the allowed shapes",
    );
  });
});

describe("live feed", () => {
  it("carries an F0's confirmation", () => {
    expect(parseMessage(liveF0ConfirmedSchema, liveF0Confirmed)).toEqual(liveF0Confirmed);
    expectRejected(
      liveF0ConfirmedSchema,
      { ...liveF0Confirmed, at: 0 },
      "at: must be ≥ 1577836800",
    );
  });

  it("carries a key push without its keys", () => {
    expect(parseMessage(liveKeyPushedSchema, liveKeyPushed)).toEqual(liveKeyPushed);
    expectRejected(
      liveKeyPushedSchema,
      { ...liveKeyPushed, keyCount: 15 },
      "keyCount: must be ≤ 14",
    );
    expectRejected(
      liveKeyPushedSchema,
      { ...liveKeyPushed, role: "F2" },
      'role: must be one of "F0", "F1"',
    );
    expectRejected(liveKeyPushedSchema, { ...liveKeyPushed, keys: [] }, "keys: is not allowed");
  });

  it("carries a notification without the phone, linking an F1 to the index person it became", () => {
    expect(parseMessage(liveNotifiedSchema, liveNotified)).toEqual(liveNotified);
    const f2 = { ...liveNotified, role: "F2", contactIndexId: null };
    expect(parseMessage(liveNotifiedSchema, f2)).toEqual(f2);
    expectRejected(
      liveNotifiedSchema,
      without(liveNotified, "contactIndexId"),
      "contactIndexId: is required",
    );
    expectRejected(
      liveNotifiedSchema,
      { ...liveNotified, phoneId: "phone-0001" },
      "phoneId: is not allowed",
    );
  });

  it("describes every payload of the namespace; viewers send nothing", () => {
    const live = SOCKET_EVENTS[LIVE_NAMESPACE];
    const payloads: [z.ZodType, unknown][] = [
      [live.serverToClient[EVENTS.stats], stats],
      [live.serverToClient[EVENTS.f0Confirmed], liveF0Confirmed],
      [live.serverToClient[EVENTS.keyPushed], liveKeyPushed],
      [live.serverToClient[EVENTS.notified], liveNotified],
      [live.serverToClient[EVENTS.refused], errorBodyExample],
    ];
    for (const [schema, value] of payloads) expect(parseMessage(schema, value)).toEqual(value);
    expect(live.clientToServer).toEqual({});
    expect(parseMessage(live.handshake, { token: "t".repeat(20) })).toEqual({
      token: "t".repeat(20),
    });
    expectRejected(live.handshake, {}, "token: is required");
    // The viewer scope: who was notified through whom stays out.
    const anonymous = { ...liveNotified, indexId: null, contactIndexId: null };
    expect(parseMessage(live.serverToClient[EVENTS.notified], anonymous)).toEqual(anonymous);
  });
});
