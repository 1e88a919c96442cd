import { randomBytes, randomInt } from "node:crypto";

/** A random opaque id (16 base64url characters, 96 bits): uploads, index persons, notifications. */
export function newId(): string {
  return randomBytes(12).toString("base64url");
}

/** A bearer secret (43 base64url characters, 256 bits). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Six random digits, leading zeros kept. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}
