import { z } from "zod";
import { DESIGN_NAMES } from "../designs/index.js";

const count = z.int().min(0);

/**
 * `GET /v1/operator/counts` (operator scope, the HA token): what the served design's store
 * holds, counted from its records when asked — what its operator can learn, the crypto each
 * phone did to learn its exposures, and the bytes it keeps (docs/PROTOCOLS.md, "Compare").
 */
export const operatorCountsSchema = z.strictObject({
  design: z.enum(DESIGN_NAMES),
  privacy: z.strictObject({
    /** Phones other than a confirmed F0 tied to at least one contact (registration: not). */
    nonIndexPhonesKnown: count,
    /** Distinct pairs of phones the operator can tie together. */
    contactEdgesKnown: count,
  }),
  phoneCrypto: z.strictObject({
    /** Operations each phone did, alike for every phone. */
    perPhone: count,
    /** What one operation is. */
    operation: z.string().min(1).max(300),
  }),
  /** Bytes of the design's records as its store serialises them; null: the store cannot say. */
  storageBytes: count.nullable(),
});
export type OperatorCounts = z.infer<typeof operatorCountsSchema>;
