import { z } from "zod";
import {
  MAX_DBM,
  MAX_TIMESTAMP,
  MAX_UNIX_DAY,
  MIN_DBM,
  MIN_TIMESTAMP,
  MIN_UNIX_DAY,
} from "./limits.js";

/** Integer unix seconds (UTC) in [2020-01-01, 2100-01-01). */
export const unixSecondsSchema = z.int().min(MIN_TIMESTAMP).lt(MAX_TIMESTAMP);
/** A UTC day: floor(unix seconds / 86,400). */
export const unixDaySchema = z.int().min(MIN_UNIX_DAY).max(MAX_UNIX_DAY);
/** dBm, may be fractional (the simulator's ideal sightings sit exactly at the true distance). */
export const dbmSchema = z.number().min(MIN_DBM).max(MAX_DBM);

const HEX = /^(?:[0-9a-f]{2})+$/;

/** Lowercase hex of whole bytes, at most `maxBytes`; the exact length is checked per scheme. */
export function hexSchema(maxBytes: number) {
  return z
    .string()
    .max(2 * maxBytes)
    .regex(HEX, "must be lowercase hex (pairs of 0-9, a-f)");
}

/** What hexSchema(maxBytes) accepts, as a predicate. */
export function isHex(value: unknown, maxBytes: number): value is string {
  return typeof value === "string" && value.length <= 2 * maxBytes && HEX.test(value);
}

/**
 * An identifier chosen by a client or the server: phone, index person, upload, notification.
 * URL-safe, so it can sit in a path (`GET /v1/uploads/{id}`); UUIDs and nanoids fit.
 */
export const opaqueIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]*$/, "must use only A-Z, a-z, 0-9, _ and -");

/** A client-chosen key that makes a retried upload a no-op (scope: one phone). */
export const idempotencyKeySchema = z
  .string()
  .min(16)
  .max(64)
  .regex(/^[A-Za-z0-9_-]*$/, "must use only A-Z, a-z, 0-9, _ and -");

/** A bearer secret handed out by the server. */
export const tokenSchema = z
  .string()
  .min(16)
  .max(256)
  .regex(/^[A-Za-z0-9_.~+/=-]*$/, "must be a token (base64 or base64url characters)");
