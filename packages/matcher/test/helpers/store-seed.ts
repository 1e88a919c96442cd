// A store seeded as the HTTP routes would have left it, straight through the store's API: an
// F0 whose code was confirmed and redeemed, and phones' keys and logs uploaded.
import type { MatcherStore } from "../../src/index.js";
import type { TestPhone } from "./phones.js";

/** A confirmed code, redeemed by `phone` as the index person `indexId`; the redemption. */
export async function redeemedF0(
  store: MatcherStore,
  phone: TestPhone,
  f0: { code: string; indexId: string; uploadToken: string; now: number },
) {
  const { code, indexId, uploadToken, now } = f0;
  await store.insertCode({
    code,
    caseRef: "c",
    confirmedAt: now,
    expiresAt: now + 600,
    issuedAt: now,
  });
  return store.redeemCode({
    code,
    phoneId: phone.phoneId,
    now,
    maxCodeFailures: 5,
    indexId,
    uploadToken,
    tokenExpiresAt: now + 600,
  });
}

/**
 * Uploads of phones' keys (for the days up to `today`) or logs, each numbered in turn and
 * tagged `tag` in its ids, naming the index persons in `exposures`.
 */
export function phoneUploads(store: MatcherStore, today: number, now: number, tag: string) {
  let i = 0;
  return (p: TestPhone, kind: "keys" | "log", exposures: string[]) =>
    store.putUpload({
      uploadId: `upload-${++i}-${tag}`,
      kind,
      phoneId: p.phoneId,
      idempotencyKey: `idem-${i}-${tag}`.padEnd(19, "x"),
      scheme: "bluezone",
      bodyHash: String(i),
      receivedAt: now,
      windowDays: 14,
      exposures,
      ...(kind === "keys" ? { keys: p.keys(today) } : { log: p.log }),
    });
}
