/*
 * Uploads acknowledged per second: phones that found an index person's IDs upload their keys
 * (14 days) and/or a log, as fast as the servers acknowledge them (an acknowledgement means
 * the upload is durable: fsync'ed journal, or Redis with appendfsync always). HTTP keep-alive,
 * `concurrency` phones in flight, spread over the servers.
 */
import { Agent } from "node:http";
import { SECONDS_PER_DAY } from "@tracebed/protocol";
import { redeemF0Code, registerPhone } from "./f0-code.js";
import { ownLog, randomDailyKeys } from "./own-log.js";
import { postJson } from "./post-json.js";

export type UploadKind = "keys" | "log";

export interface UploadBurstOptions {
  urls: readonly string[];
  haToken: string;
  seconds: number;
  concurrency: number;
  /** Log entries per log upload. */
  entries: number;
  /** Idempotency keys and case references start with this (unique per run and store). */
  idPrefix: string;
  /** What each phone uploads, in order (default keys then log). */
  kinds?: readonly UploadKind[];
}

export interface UploadBurstResult {
  seconds: number;
  concurrency: number;
  entriesPerLog: number;
  acknowledged: number;
  refused: number;
  uploadsPerSecond: number;
  latencyMs: { p50: number; p99: number };
}

export async function uploadBurst(o: UploadBurstOptions): Promise<UploadBurstResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
  try {
    const { indexId } = await redeemF0Code(agent, o.urls[0]!, o.haToken, `${o.idPrefix}index`);
    const now = Math.floor(Date.now() / 1000);
    const today = Math.floor(now / SECONDS_PER_DAY);
    // Every phone uploads the same keys and a log whose own IDs derive from them (the server
    // refuses others).
    const keys = randomDailyKeys(today);
    const log = ownLog(keys, o.entries, now);
    const basis = { kind: "exposure", indexIds: [indexId] };
    let acknowledged = 0;
    let refused = 0;
    let n = 0;
    const latencies: number[] = [];
    const started = performance.now();
    const end = started + o.seconds * 1000;
    const phone = async (w: number) => {
      while (performance.now() < end) {
        const i = n++;
        const url = o.urls[i % o.urls.length]!;
        // A registration is a phone's first request, not an upload: left out of the figures.
        const { phoneId, auth } = await registerPhone(agent, url);
        const kinds = o.kinds ?? (["keys", "log"] as const);
        // A log is refused without the keys its own IDs derive from: sent first, not counted.
        if (!kinds.includes("keys")) {
          const body = {
            idempotencyKey: `${o.idPrefix}w${w}i${i}pre`.padEnd(16, "0"),
            phoneId,
            scheme: "bluezone",
            basis,
            keys,
          };
          await postJson(agent, url, "/v1/uploads/keys", body, auth);
        }
        for (const kind of kinds) {
          const body = {
            idempotencyKey: `${o.idPrefix}w${w}i${i}${kind}`.padEnd(16, "0"),
            phoneId,
            scheme: "bluezone",
            basis,
            ...(kind === "keys" ? { keys } : { log }),
          };
          const t = performance.now();
          const r = await postJson(agent, url, `/v1/uploads/${kind}`, body, auth);
          if (r.status === 201) {
            acknowledged++;
            latencies.push(performance.now() - t);
          } else refused++;
        }
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, (_, w) => phone(w)));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const q = (p: number) =>
      latencies.length === 0
        ? 0
        : Math.round(
            latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]! * 10,
          ) / 10;
    return {
      seconds: Math.round(seconds * 10) / 10,
      concurrency: o.concurrency,
      entriesPerLog: o.entries,
      acknowledged,
      refused,
      uploadsPerSecond: Math.round(acknowledged / seconds),
      latencyMs: { p50: q(0.5), p99: q(0.99) },
    };
  } finally {
    agent.destroy();
  }
}
