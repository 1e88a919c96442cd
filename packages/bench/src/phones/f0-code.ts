import type { Agent } from "node:http";
import { postJson } from "./post-json.js";

/** A registered phone: its server-issued id and its credential header. */
export interface RegisteredPhone {
  phoneId: string;
  secret: string;
  /** `{ authorization: "Phone <secret>" }`, for its HTTP requests. */
  auth: Record<string, string>;
}

/** Registers a phone (`POST /v1/phones`): the server issues its id and secret. */
export async function registerPhone(agent: Agent, url: string): Promise<RegisteredPhone> {
  const r = await postJson(agent, url, "/v1/phones", {});
  if (r.status !== 201) throw new Error(`phones: ${r.status} ${JSON.stringify(r.body)}`);
  const { phoneId, secret } = r.body as { phoneId: string; secret: string };
  return { phoneId, secret, auth: { authorization: `Phone ${secret}` } };
}

export interface RedeemedCode {
  indexId: string;
  uploadToken: string;
  windowEnd: number;
  /** The phone that redeemed it (registered for the purpose). */
  phone: RegisteredPhone;
}

/** An index person: the health authority issues a code and a newly registered phone redeems it. */
export async function redeemF0Code(
  agent: Agent,
  url: string,
  haToken: string,
  caseRef: string,
): Promise<RedeemedCode> {
  const phone = await registerPhone(agent, url);
  const code = await postJson(
    agent,
    url,
    "/v1/f0-codes",
    { caseRef: `${caseRef}-case` },
    { authorization: `Bearer ${haToken}` },
  );
  if (code.status !== 201) throw new Error(`f0-codes: ${code.status} ${JSON.stringify(code.body)}`);
  const redeemed = await postJson(
    agent,
    url,
    "/v1/f0-codes/redeem",
    { code: (code.body as { code: string }).code, phoneId: phone.phoneId },
    phone.auth,
  );
  if (redeemed.status !== 200) {
    throw new Error(`redeem: ${redeemed.status} ${JSON.stringify(redeemed.body)}`);
  }
  return { ...(redeemed.body as Omit<RedeemedCode, "phone">), phone };
}
