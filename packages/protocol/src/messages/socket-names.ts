/*
 * The names of the matcher's Socket.IO contract: its namespaces and events (the payloads are
 * in socket.ts). This file imports nothing, and must not: the k6 scripts load it as it is
 * (scenarios/load/support/phone.ts), and a lean process can take the names without zod.
 */

/** The phones' push channel. */
export const PHONE_NAMESPACE = "/";
/** The viewer's read-only feed. */
export const LIVE_NAMESPACE = "/live";

export const EVENTS = {
  ready: "ready",
  keyPushes: "key-pushes",
  notification: "notification",
  catchUp: "catch-up",
  refused: "refused",
  stats: "stats",
  f0Confirmed: "f0-confirmed",
  keyPushed: "key-pushed",
  notified: "notified",
} as const;
export type EventName = (typeof EVENTS)[keyof typeof EVENTS];
