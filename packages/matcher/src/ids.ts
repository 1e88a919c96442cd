import { randomBytes, randomInt } from "node:crypto";
import { F0_CODE_DIGITS } from "@tracebed/protocol";

/** A random opaque id (16 base64url characters, 96 bits): uploads, index persons, notifications. */
export function newId(): string {
  return randomBytes(12).toString("base64url");
}

/** A bearer secret (43 base64url characters, 256 bits). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** F0_CODE_DIGITS random digits, leading zeros kept (two draws: randomInt stops at 2^48). */
export function newCode(): string {
  const half = F0_CODE_DIGITS / 2;
  const draw = () => String(randomInt(0, 10 ** half)).padStart(half, "0");
  return draw() + draw();
}
