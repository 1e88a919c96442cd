/*
 * The uploads a bench run sends: the burst measuring uploads acknowledged per second (shared
 * with the matcher's own upload benchmark through @tracebed/bench), and a full-size key push.
 */
import { randomBytes } from "node:crypto";
import { Agent } from "node:http";
import { postJson, redeemF0Code } from "@tracebed/bench";
import { getIdScheme, MAX_DAILY_KEYS, SECONDS_PER_DAY } from "@tracebed/protocol";

export {
  type UploadBurstOptions,
  type UploadBurstResult,
  uploadBurst,
} from "@tracebed/bench";

/**
 * A full-size key push: an F0 confirmed by the health authority uploads 14 days of keys (and an
 * empty log), so the server pushes 14 keys to every phone: what a real F0's push weighs.
 */
export async function pushProbe(url: string, haToken: string, phoneId: string): Promise<void> {
  // phoneId: names the probe's case and idempotency keys; the server issues the phone's id.
  const agent = new Agent({ keepAlive: false });
  try {
    const r = await redeemF0Code(agent, url, haToken, phoneId);
    const phone = r.phone;
    const lastDay = Math.floor((r.windowEnd - 1) / SECONDS_PER_DAY);
    const basis = { kind: "f0", uploadToken: r.uploadToken };
    const { keyLength } = getIdScheme("bluezone");
    const keys = Array.from({ length: MAX_DAILY_KEYS }, (_, i) => ({
      unixDay: lastDay - (MAX_DAILY_KEYS - 1) + i,
      key: randomBytes(keyLength).toString("hex"),
    }));
    for (const [kind, body] of [
      ["keys", { keys }],
      ["log", { log: [] }],
    ] as const) {
      const res = await postJson(
        agent,
        url,
        `/v1/uploads/${kind}`,
        {
          idempotencyKey: `${phoneId}-probe-${kind}`,
          phoneId: phone.phoneId,
          scheme: "bluezone",
          basis,
          ...body,
        },
        phone.auth,
      );
      if (res.status !== 201)
        throw new Error(`uploads/${kind}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  } finally {
    agent.destroy();
  }
}
