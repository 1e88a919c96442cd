import { z } from "zod";

/** The ID schemes a message may name. Bluezone is the one the matcher implements first. */
export const SCHEME_NAMES = ["bluezone", "gaen", "dp3t"] as const;
export type SchemeName = (typeof SCHEME_NAMES)[number];
export const schemeNameSchema = z.enum(SCHEME_NAMES);

/** Bytes on the wire per scheme: one daily key (what a phone uploads) and one broadcast ID. */
export const WIRE_SIZES: Readonly<Record<SchemeName, { keyBytes: number; idBytes: number }>> = {
  /** Daily key = a link of the SHA-256 chain; ID = 12 bytes picked from a sub-key. */
  bluezone: { keyBytes: 32, idBytes: 12 },
  /** TEK; RPI. */
  gaen: { keyBytes: 16, idBytes: 16 },
  /** SK(t); EphID. */
  dp3t: { keyBytes: 32, idBytes: 16 },
};
