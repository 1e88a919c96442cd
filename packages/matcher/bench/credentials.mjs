// Case `credentials`: the work phone credentials add to the matcher, per operation, in this
// process (the build's own functions): hashing a phone's secret (every authenticated request
// and socket connection; known secrets are then found in a cache), building the table of a
// phone's own IDs from its 14 uploaded keys (once per keys upload) and checking that a log's
// own IDs derive from it (every log upload). `addedMsOnF1Path` sums them along the path from
// an F0's confirmation to its F1's notification — the F0's keys and log uploads, and the
// notified phone's keys and exposure log (four requests, two tables, two log checks) — the
// latency credentials can add to `tracebed bench`'s "F0 confirmed → last F1 notified".
//
//   options: --entries 2400 (sightings per log) --reps 200
import { randomBytes } from "node:crypto";
import { ownLog, randomDailyKeys } from "@tracebed/bench";
import { firstForeignOwnId, secretHash } from "@tracebed/matcher";
import { buildIdTable, getIdScheme } from "@tracebed/protocol";
import { nodeCrypto } from "@tracebed/protocol/node";

/** Median microseconds of `fn` over `reps` calls (after as many warm-up calls). */
function microseconds(reps, fn) {
  for (let i = 0; i < reps; i++) fn(i);
  const times = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    times.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function credentialsCase({ quick, options }) {
  const entries = Number(options.entries ?? 2400);
  const reps = Number(options.reps ?? (quick ? 20 : 200));
  return {
    name: "credentials",
    what: `work phone credentials add per request, keys upload and log upload (${entries}-entry logs; median of ${reps} calls)`,
    runs: quick ? 1 : 3,
    async run() {
      const now = Math.floor(Date.now() / 1000);
      const scheme = getIdScheme("bluezone");
      const secrets = Array.from({ length: reps }, () => randomBytes(32).toString("base64url"));
      const phones = Array.from({ length: 8 }, () => {
        const keys = randomDailyKeys(Math.floor(now / 86_400));
        return { keys, log: ownLog(keys, entries, now) };
      });
      const tables = phones.map((p) => buildIdTable(p.keys, scheme, nodeCrypto));
      let sink = 0;
      const authUs = microseconds(reps, (i) => {
        sink += secretHash(secrets[i % secrets.length]).length;
      });
      const tableUs = microseconds(reps, (i) => {
        sink += buildIdTable(phones[i % phones.length].keys, scheme, nodeCrypto).slotById.size;
      });
      const checkUs = microseconds(reps, (i) => {
        const p = i % phones.length;
        const at = firstForeignOwnId(tables[p], phones[p].log);
        if (at !== -1) throw new Error(`bench log entry ${at} is not its phone's own`);
        sink += at;
      });
      if (sink === 0) throw new Error("nothing measured");
      const ms = (us) => Math.round(us) / 1000;
      return {
        authMsPerRequest: ms(authUs),
        ownIdTableMsPerKeysUpload: ms(tableUs),
        ownIdCheckMsPerLogUpload: ms(checkUs),
        logEntries: entries,
        addedMsOnF1Path: ms(4 * authUs + 2 * tableUs + 2 * checkUs),
      };
    },
  };
}
