import type { CodeState } from "../records.js";
import type { CodeRecord } from "../types.js";
import { type Transition, unchanged } from "../writes.js";

/** How long a used or expired code stays known (refused as used/expired, never reissued). */
export const CODE_RETENTION_SECONDS = 7 * 86_400;

/** Unix seconds: from then on the code is forgotten (its value may be issued again). */
export function codeForgottenAt(code: { readonly expiresAt: number }): number {
  return code.expiresAt + CODE_RETENTION_SECONDS;
}

/** A new code; refused (false) while a code of that value is still known. */
export function insertCode(existing: CodeState | null, rec: CodeRecord): Transition<boolean> {
  if (existing !== null && codeForgottenAt(existing) > rec.issuedAt) return unchanged(false);
  return {
    result: true,
    writes: [
      { op: "putCode", code: { ...rec, usedBy: null, failures: 0 } },
      { op: "count", field: "codes", by: 1 },
    ],
  };
}
