// The phones of the cases that store logs (log-memory, compaction): each registers, uploads its
// keys, then its log (a phone's 14 days, own IDs derived from the keys) `rounds` times.
import { ownLog, postJson, randomDailyKeys, registerPhone } from "@tracebed/bench";

/** The workload of those cases: `--phones --entries --rounds --concurrency`, smaller if quick. */
export function phoneLogOptions(quick, options) {
  const n = (name, full, small) => Number(options[name] ?? (quick ? small : full));
  return {
    phones: n("phones", 500, 20),
    entries: n("entries", 2400, 200),
    rounds: n("rounds", 2, 2),
    concurrency: n("concurrency", 16, 4),
  };
}

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
