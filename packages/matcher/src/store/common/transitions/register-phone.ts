import type { CredentialState } from "../records.js";
import { type Transition, unchanged } from "../writes.js";

/** A phone's credential: the SHA-256 of its secret, kept once (a known hash is not moved). */
export function registerPhone(
  existing: CredentialState | null,
  input: { readonly phoneId: string; readonly secretHash: string; readonly now: number },
): Transition<boolean> {
  if (existing !== null) return unchanged(false);
  const credential = { phoneId: input.phoneId, registeredAt: input.now };
  return {
    result: true,
    writes: [{ op: "putCredential", secretHash: input.secretHash, credential }],
  };
}
