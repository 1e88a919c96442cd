import type { z } from "zod";
import { isHex } from "./fields.js";
import { MAX_DAILY_KEYS, MAX_ID_BYTES, MAX_KEY_BYTES } from "./limits.js";
import { type SchemeName, WIRE_SIZES } from "./schemes.js";

type Ctx = z.RefinementCtx;

/** Reports a wrong length only when the value passed the shape check (no double report). */
function exactHex(
  ctx: Ctx,
  value: string,
  bytes: number,
  maxBytes: number,
  what: string,
  path: PropertyKey[],
) {
  if (isHex(value, maxBytes) && value.length !== 2 * bytes) {
    ctx.addIssue({
      code: "custom",
      path,
      message: `must be ${2 * bytes} hex characters (${what} is ${bytes} bytes)`,
    });
  }
}

/** Each key has the scheme's length; days are distinct and lie within 14 consecutive days. */
export function checkDailyKeys(
  msg: { scheme: SchemeName; keys: readonly { unixDay: number; key: string }[] },
  ctx: Ctx,
): void {
  const bytes = WIRE_SIZES[msg.scheme].keyBytes;
  const firstIndexOfDay = new Map<number, number>();
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  msg.keys.forEach(({ unixDay, key }, i) => {
    exactHex(ctx, key, bytes, MAX_KEY_BYTES, `a ${msg.scheme} daily key`, ["keys", i, "key"]);
    const first = firstIndexOfDay.get(unixDay);
    if (first !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["keys", i, "unixDay"],
        message: `duplicates keys[${first}].unixDay (${unixDay})`,
      });
    } else firstIndexOfDay.set(unixDay, i);
    min = Math.min(min, unixDay);
    max = Math.max(max, unixDay);
  });
  if (max - min >= MAX_DAILY_KEYS) {
    ctx.addIssue({
      code: "custom",
      path: ["keys"],
      message: `days must lie within ${MAX_DAILY_KEYS} consecutive days (got ${min}…${max})`,
    });
  }
}

/** Both IDs of every entry have the scheme's ID length. */
export function checkLogIds(
  msg: { scheme: SchemeName; log: readonly { ownId: string; contactId: string }[] },
  ctx: Ctx,
): void {
  const bytes = WIRE_SIZES[msg.scheme].idBytes;
  const what = `a ${msg.scheme} ID`;
  for (let i = 0; i < msg.log.length; i++) {
    const entry = msg.log[i]!;
    exactHex(ctx, entry.ownId, bytes, MAX_ID_BYTES, what, ["log", i, "ownId"]);
    exactHex(ctx, entry.contactId, bytes, MAX_ID_BYTES, what, ["log", i, "contactId"]);
  }
}
