import type { Agent } from "node:http";
import { postJson } from "./post-json.js";

export interface RedeemedCode {
  indexId: string;
  uploadToken: string;
  windowEnd: number;
}

/** An index person: the health authority issues a code and the phone `phoneId` redeems it. */
export async function redeemF0Code(
  agent: Agent,
  url: string,
  haToken: string,
  phoneId: string,
): Promise<RedeemedCode> {
  const code = await postJson(
    agent,
    url,
    "/v1/f0-codes",
    { caseRef: `${phoneId}-case` },
    { authorization: `Bearer ${haToken}` },
  );
  if (code.status !== 201) throw new Error(`f0-codes: ${code.status} ${JSON.stringify(code.body)}`);
  const redeemed = await postJson(agent, url, "/v1/f0-codes/redeem", {
    code: (code.body as { code: string }).code,
    phoneId,
  });
  if (redeemed.status !== 200) {
    throw new Error(`redeem: ${redeemed.status} ${JSON.stringify(redeemed.body)}`);
  }
  return redeemed.body as RedeemedCode;
}
