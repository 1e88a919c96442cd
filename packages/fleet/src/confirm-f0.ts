import type { F0CodeResponse, F0RedeemResponse } from "@tracebed/protocol";
import type { EmitEvent } from "./events.js";
import { postJson } from "./http.js";
import type { Upload } from "./uploader.js";

/** What confirming this process's F0 needs. */
export interface F0Confirmation {
  /** Every F0 with a phone, in the oracle's order (all processes': the k-th is due at k / rate). */
  f0: readonly number[];
  agents: Int32Array;
  mine(p: number): boolean;
  urlOf(p: number): string;
  phoneIdOf(agent: number): string;
  authOf(agent: number): Record<string, string>;
  /** F0 confirmed per second, all processes together. */
  f0Rate: number;
  haToken: string;
  runTag: string;
  /** The health authority's confirmation time: the end of the run's window. */
  confirmedAt: number;
  upload: Upload;
  emit: EmitEvent;
}

/**
 * The health authority issues each of this process's F0 a code when it is due, the phone
 * redeems it and uploads its keys and log; resolves when all are uploaded.
 */
export async function confirmF0s(c: F0Confirmation, startedAt: number): Promise<void> {
  await Promise.all(
    c.f0.map(async (p, k) => {
      if (!c.mine(p)) return;
      const due = startedAt + (k / c.f0Rate) * 1000;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      const url = c.urlOf(p);
      const agent = c.agents[p]!;
      const code = await postJson<F0CodeResponse>(
        url,
        "/v1/f0-codes",
        { caseRef: `${c.runTag}-case-${agent}`, confirmedAt: c.confirmedAt },
        { authorization: `Bearer ${c.haToken}` },
      );
      const redeemed = await postJson<F0RedeemResponse>(
        url,
        "/v1/f0-codes/redeem",
        { code: code.code, phoneId: c.phoneIdOf(agent) },
        c.authOf(agent),
      );
      c.emit({ type: "confirmed", agent, indexId: redeemed.indexId, at: Date.now() });
      await c.upload(
        p,
        { kind: "f0", uploadToken: redeemed.uploadToken },
        `f0-${redeemed.indexId}`,
      );
    }),
  );
}
