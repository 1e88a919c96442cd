// The bench scripts' phones: each uploads its own log, a phone's 14 days, `rounds` times.
import { randomBytes } from "node:crypto";
import { getIdScheme } from "@tracebed/protocol";
import { postJson } from "@tracebed/testkit";

const ID_BYTES = getIdScheme("bluezone").idLength;

/** The command-line options of the scripts that upload phone logs (node:util parseArgs). */
export const PHONE_LOG_OPTIONS = {
  phones: { type: "string", default: "500" },
  entries: { type: "string", default: "2400" },
  rounds: { type: "string", default: "2" },
  concurrency: { type: "string", default: "16" },
};

/** A phone's log over 14 days: random IDs, integer RSSI as real phones report it. */
export function phoneLog(now, entries) {
  const log = [];
  for (let i = 0; i < entries; i++) {
    const timestamp = now - 60 - Math.floor((i * 14 * 86_400) / entries);
    log.push({
      ownId: randomBytes(ID_BYTES).toString("hex"),
      contactId: randomBytes(ID_BYTES).toString("hex"),
      rssi: -50 - (i % 40),
      txPower: -8,
      timestamp,
    });
  }
  return log;
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
  let next = 0;
  let refused = 0;
  const worker = async () => {
    while (next < phones) {
      const p = next++;
      const log = phoneLog(now, entries);
      for (let r = 0; r < rounds; r++) {
        const res = await postJson(agent, url, "/v1/uploads/log", {
          idempotencyKey: `${prefix}-p${p}-r${r}`.padEnd(16, "0"),
          phoneId: `${prefix}-phone-${p}`,
          scheme: "bluezone",
          basis: { kind: "exposure", indexIds: [indexId] },
          log,
        });
        if (res.status !== 201) refused++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return refused;
}
