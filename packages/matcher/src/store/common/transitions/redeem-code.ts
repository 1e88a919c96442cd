import type { CodeState, IndexState } from "../records.js";
import type { RedeemFailure, RedeemInput, RedeemResult, Role } from "../types.js";
import { type Transition, unchanged, type Write } from "../writes.js";
import { moveRole } from "./role.js";

/**
 * Single use: the first phone to redeem a live code becomes an F0 index person and gets an
 * upload token. A refusal that names a known code counts against it; past `maxCodeFailures`
 * it is locked (even for its rightful owner).
 */
export function redeemCode(
  code: CodeState | null,
  phoneRole: Role | null,
  input: RedeemInput,
): Transition<RedeemResult> {
  if (code === null) return refused("unknown");
  if (code.failures >= input.maxCodeFailures) return refused("locked");
  const failed: Write = { op: "putCode", code: { ...code, failures: code.failures + 1 } };
  if (code.usedBy !== null) return refused("used", failed);
  if (input.now >= code.expiresAt) return refused("expired", failed);
  if (phoneRole === "F0") return refused("already_confirmed");
  const index: IndexState = {
    indexId: input.indexId,
    phoneId: input.phoneId,
    role: "F0",
    windowEnd: code.confirmedAt,
    windowStart: null,
    createdAt: input.now,
    pushSeq: null,
  };
  return {
    result: { ok: true, index: { ...index }, tokenExpiresAt: input.tokenExpiresAt },
    writes: [
      { op: "putCode", code: { ...code, usedBy: input.phoneId } },
      { op: "addIndex", index },
      ...moveRole(input.phoneId, phoneRole, "F0"),
      {
        op: "putToken",
        token: input.uploadToken,
        record: { indexId: index.indexId, phoneId: input.phoneId, expiresAt: input.tokenExpiresAt },
      },
    ],
  };
}

function refused(reason: RedeemFailure, write?: Write): Transition<RedeemResult> {
  const result: RedeemResult = { ok: false, reason };
  return write === undefined ? unchanged(result) : { result, writes: [write] };
}
