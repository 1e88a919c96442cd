/*
 * Uploads acknowledged per second: virtual phones that found an index person's IDs upload their
 * keys (14 days) and then a short log, as fast as the servers acknowledge them (an
 * acknowledgement means the upload is durable: fsync'ed journal, or Redis with appendfsync
 * always). HTTP keep-alive, `concurrency` phones in flight, spread over the servers.
 */
import { randomBytes } from "node:crypto";
import { Agent, request } from "node:http";
import { SECONDS_PER_DAY } from "@tracebed/protocol";

export interface UploadBurstOptions {
  urls: string[];
  haToken: string;
  seconds: number;
  concurrency: number;
  /** Log entries per log upload. */
  entries: number;
  /** Phone ids start with this (unique per bench run and store). */
  idPrefix: string;
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

interface Reply {
  status: number;
  body: unknown;
}

function post(
  agent: Agent,
  url: string,
  path: string,
  body: unknown,
  headers = {},
): Promise<Reply> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, {
      method: "POST",
      agent,
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(data),
        ...headers,
      },
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => {
        text += d;
      });
      res.on("end", () => {
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(text);
        } catch {}
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on("error", reject);
    req.end(data);
  });
}

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

/** One index person the uploads name: a code from the health authority, redeemed. */
async function indexPerson(agent: Agent, url: string, haToken: string, phoneId: string) {
  const code = await post(
    agent,
    url,
    "/v1/f0-codes",
    { caseRef: `${phoneId}-case` },
    { authorization: `Bearer ${haToken}` },
  );
  if (code.status !== 201) throw new Error(`f0-codes: ${code.status} ${JSON.stringify(code.body)}`);
  const redeemed = await post(agent, url, "/v1/f0-codes/redeem", {
    code: (code.body as { code: string }).code,
    phoneId,
  });
  if (redeemed.status !== 200) {
    throw new Error(`redeem: ${redeemed.status} ${JSON.stringify(redeemed.body)}`);
  }
  return (redeemed.body as { indexId: string }).indexId;
}

export async function uploadBurst(o: UploadBurstOptions): Promise<UploadBurstResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
  try {
    const indexId = await indexPerson(agent, o.urls[0]!, o.haToken, `${o.idPrefix}index`);
    const now = Math.floor(Date.now() / 1000);
    const today = Math.floor(now / SECONDS_PER_DAY);
    const keys = Array.from({ length: 14 }, (_, i) => ({ unixDay: today - 13 + i, key: hex(32) }));
    const log = Array.from({ length: o.entries }, (_, i) => ({
      ownId: hex(12),
      contactId: hex(12),
      rssi: -60,
      txPower: -8,
      timestamp: now - 3600 - i * 300,
    }));
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
        const phoneId = `${o.idPrefix}${i}`;
        for (const kind of ["keys", "log"] as const) {
          const body = {
            idempotencyKey: `${o.idPrefix}w${w}i${i}${kind}`.padEnd(16, "0"),
            phoneId,
            scheme: "bluezone",
            basis,
            ...(kind === "keys" ? { keys } : { log }),
          };
          const t = performance.now();
          const r = await post(agent, url, `/v1/uploads/${kind}`, body);
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

/**
 * A full-size key push: an F0 confirmed by the health authority uploads 14 days of keys (and an
 * empty log), so the server pushes 14 keys to every phone: what a real F0's push weighs.
 */
export async function pushProbe(url: string, haToken: string, phoneId: string): Promise<void> {
  const agent = new Agent({ keepAlive: false });
  try {
    const code = await post(
      agent,
      url,
      "/v1/f0-codes",
      { caseRef: `${phoneId}-case` },
      { authorization: `Bearer ${haToken}` },
    );
    if (code.status !== 201) throw new Error(`f0-codes: ${code.status}`);
    const redeemed = await post(agent, url, "/v1/f0-codes/redeem", {
      code: (code.body as { code: string }).code,
      phoneId,
    });
    if (redeemed.status !== 200) throw new Error(`redeem: ${redeemed.status}`);
    const r = redeemed.body as { uploadToken: string; windowEnd: number };
    const lastDay = Math.floor((r.windowEnd - 1) / SECONDS_PER_DAY);
    const basis = { kind: "f0", uploadToken: r.uploadToken };
    const keys = Array.from({ length: 14 }, (_, i) => ({
      unixDay: lastDay - 13 + i,
      key: hex(32),
    }));
    for (const [kind, body] of [
      ["keys", { keys }],
      ["log", { log: [] }],
    ] as const) {
      const res = await post(agent, url, `/v1/uploads/${kind}`, {
        idempotencyKey: `${phoneId}-probe-${kind}`,
        phoneId,
        scheme: "bluezone",
        basis,
        ...body,
      });
      if (res.status !== 201)
        throw new Error(`uploads/${kind}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  } finally {
    agent.destroy();
  }
}
