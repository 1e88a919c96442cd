import { z } from "zod";

const count = z.int().min(0);

/** The matcher's counts: `GET /v1/stats` and the live feed's `stats` event. */
export const statsSchema = z.strictObject({
  /** The matcher store's kind (`memory`, `redis`, or any other store's name). */
  store: z.string().min(1).max(64),
  uploads: z.strictObject({ stored: count }),
  f0: z.strictObject({
    /** Codes redeemed: phones that became F0. */
    confirmed: count,
    codesIssued: count,
  }),
  notifications: z.strictObject({
    /** Phones notified F1, not F0. */
    f1: count,
    /** Phones notified F2, neither F1 nor F0. */
    f2: count,
    /** Notifications sent, counting an F2 later upgraded to F1 twice. */
    sent: count,
  }),
  keyPushes: z.strictObject({ total: count, latestSeq: count }),
  phones: z.strictObject({ connected: count }),
  /** Unix seconds. */
  at: z.int(),
});
export type Stats = z.infer<typeof statsSchema>;
