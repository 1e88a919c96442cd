// The bench scripts' phones: each registers, uploads its keys, then its log (a phone's 14 days,
// own IDs derived from the keys) `rounds` times.
import { ownLog, postJson, randomDailyKeys, registerPhone } from "@tracebed/testkit";

/** The command-line options of the scripts that upload phone logs (node:util parseArgs). */
export const PHONE_LOG_OPTIONS = {
  phones: { type: "string", default: "500" },
  entries: { type: "string", default: "2400" },
  rounds: { type: "string", default: "2" },
  concurrency: { type: "string", default: "16" },
};

/**
 * `phones` phones (`concurrency` at a time) each upload their log `rounds` times, naming
 * `indexId` (log uploads only: nothing is decided). Resolves with the uploads refused.
 */
export async function uploadPhoneLogs({
  agent,
  url,
  indexId,
  phones,
  entries,
  rounds,
  concurrency,
  prefix,
}) {
  const now = Math.floor(Date.now() / 1000);
  // Every phone's keys are the same (a log's own IDs must derive from its phone's keys).
  const keys = randomDailyKeys(Math.floor(now / 86_400));
  const log = ownLog(keys, entries, now);
  const basis = { kind: "exposure", indexIds: [indexId] };
  let next = 0;
  let refused = 0;
  const worker = async () => {
    while (next < phones) {
      const p = next++;
      const { phoneId, auth } = await registerPhone(agent, url);
      const idem = (what) => `${prefix}-p${p}-${what}`.padEnd(16, "0");
      const k = { idempotencyKey: idem("keys"), phoneId, scheme: "bluezone", basis, keys };
      if ((await postJson(agent, url, "/v1/uploads/keys", k, auth)).status !== 201) refused++;
      for (let r = 0; r < rounds; r++) {
        const body = { idempotencyKey: idem(`r${r}`), phoneId, scheme: "bluezone", basis, log };
        const res = await postJson(agent, url, "/v1/uploads/log", body, auth);
        if (res.status !== 201) refused++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return refused;
}
