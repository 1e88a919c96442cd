import { z } from "zod";
import { errorBodySchema } from "./error-body.js";
import { opaqueIdSchema, tokenSchema, unixDaySchema, unixSecondsSchema } from "./fields.js";
import {
  indexRoleSchema,
  keyCatchUpResponseSchema,
  keyPushFrameSchema,
  notificationSchema,
} from "./push.js";
import { EVENTS, LIVE_NAMESPACE, PHONE_NAMESPACE } from "./socket-names.js";
import { statsSchema } from "./stats.js";

/*
 * The matcher's Socket.IO contract (websocket transport only). Every payload has a zod schema
 * here; the names are in socket-names.ts. The matcher validates what clients send with
 * parseMessage.
 *
 * Namespace "/" — the phones' push channel. Connect with `auth: { phoneId, secret }` (from
 * `POST /v1/phones`); a missing or wrong credential is a connect_error whose `data` is the
 * ErrorBody (`unauthorized`).
 *   server → phone  "ready"         { phoneId, latestSeq, serverTime }    once, on connect
 *   server → phone  "key-pushes"    KeyPush[] (1–100, seq order)            to every phone
 *                   (pushes due while a fan-out is under way share a frame)
 *   server → phone  "notification"  Notification                           to that phone only
 *                   (on connect, the phone's stored notifications are sent again: dedupe by
 *                   notificationId; key pushes by seq)
 *   phone → server  "catch-up"      { since? } with an ack → KeyCatchUpResponse | ErrorBody
 *   server → client "refused"       ErrorBody, for an event it could not take
 *
 * Namespace "/live" — the feed (read-only). Connect with `auth: { token }`: the operator token
 * (the HA token) gets the full events; the viewer token gets counts and anonymised events
 * ("notified" with indexId and contactIndexId null, so the F0 → F1 → F2 chain stays closed).
 *   server → viewer "stats"         Stats, on connect and every second while it changes
 *   server → viewer "f0-confirmed"  { indexId, confirmedAt, at }
 *   server → viewer "key-pushed"    { seq, indexId, role, keyCount, pushedAt }
 *   server → viewer "notified"      { notificationId, role, indexId, contactIndexId, bestDay,
 *                                     closeSeconds, notifiedAt } (no phone identity)
 *   server → viewer "refused"       ErrorBody, for any event a viewer sends (as its ack if
 *                                     it asked for one)
 */

/** The handshake `auth` of a phone: its id and the secret `POST /v1/phones` gave it. */
export const phoneHandshakeSchema = z.strictObject({
  phoneId: opaqueIdSchema,
  secret: tokenSchema,
});
export type PhoneHandshake = z.infer<typeof phoneHandshakeSchema>;

export const readySchema = z.strictObject({
  phoneId: opaqueIdSchema,
  latestSeq: z.int().min(0),
  serverTime: unixSecondsSchema,
});
export type Ready = z.infer<typeof readySchema>;

/** "catch-up" request: like `GET /v1/keys?since=`, as a number. */
export const catchUpRequestSchema = z.strictObject({
  since: z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type CatchUpRequest = z.infer<typeof catchUpRequestSchema>;

/** The handshake `auth` of a live-feed client: an operator or a viewer token. */
export const liveHandshakeSchema = z.strictObject({ token: tokenSchema });
export type LiveHandshake = z.infer<typeof liveHandshakeSchema>;

export const liveF0ConfirmedSchema = z.strictObject({
  indexId: opaqueIdSchema,
  confirmedAt: unixSecondsSchema,
  at: unixSecondsSchema,
});
export type LiveF0Confirmed = z.infer<typeof liveF0ConfirmedSchema>;

export const liveKeyPushedSchema = z.strictObject({
  seq: z.int().min(1),
  indexId: opaqueIdSchema,
  role: indexRoleSchema,
  keyCount: z.int().min(1).max(14),
  pushedAt: unixSecondsSchema,
});
export type LiveKeyPushed = z.infer<typeof liveKeyPushedSchema>;

export const liveNotifiedSchema = z.strictObject({
  notificationId: opaqueIdSchema,
  role: z.enum(["F1", "F2"]),
  /** The index person this contact was found through (null in the viewer scope). */
  indexId: opaqueIdSchema.nullable(),
  /** The index person an F1 became (links its F2), null for F2 and in the viewer scope. */
  contactIndexId: opaqueIdSchema.nullable(),
  bestDay: unixDaySchema,
  exposureDay: unixDaySchema,
  closeSeconds: z.int().min(0).max(86_400),
  notifiedAt: unixSecondsSchema,
});
export type LiveNotified = z.infer<typeof liveNotifiedSchema>;

/** Every event payload by namespace and name: the matcher's OpenAPI `x-socket-io` section. */
export const SOCKET_EVENTS = {
  [PHONE_NAMESPACE]: {
    serverToClient: {
      [EVENTS.ready]: readySchema,
      [EVENTS.keyPushes]: keyPushFrameSchema,
      [EVENTS.notification]: notificationSchema,
      [EVENTS.refused]: errorBodySchema,
    },
    clientToServer: {
      [EVENTS.catchUp]: catchUpRequestSchema,
    },
    acks: { [EVENTS.catchUp]: z.union([keyCatchUpResponseSchema, errorBodySchema]) },
    handshake: phoneHandshakeSchema,
  },
  [LIVE_NAMESPACE]: {
    serverToClient: {
      [EVENTS.stats]: statsSchema,
      [EVENTS.f0Confirmed]: liveF0ConfirmedSchema,
      [EVENTS.keyPushed]: liveKeyPushedSchema,
      [EVENTS.notified]: liveNotifiedSchema,
      [EVENTS.refused]: errorBodySchema,
    },
    clientToServer: {},
    acks: {},
    handshake: liveHandshakeSchema,
  },
} as const;
