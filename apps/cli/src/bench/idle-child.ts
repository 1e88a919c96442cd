/*
 * A child process of `tracebed bench` holding many idle phones: each a bare websocket (`ws`)
 * speaking just enough Engine.IO v4 / Socket.IO v4 to be a phone on the matcher's push channel:
 * register (`POST /v1/phones`) → open `0{…}` → connect `40{"phoneId":…,"secret":…}` →
 * `40{"sid":…}`; ping `2` → pong `3`; events
 * `42[…]`. A phone sends nothing else. Key-push frames are not parsed, only timed (by the seqs
 * they carry) and measured, for the push fan-out figures. Far lighter than socket.io-client per connection.
 *
 * Driven over IPC by idle-fleet.ts (messages in `IdleRequest` / `IdleReply`).
 */
import type { EVENTS, PhoneHandshake } from "@tracebed/protocol";
import WebSocket from "ws";

export interface IdleTarget {
  /** The server's HTTP URL. */
  url: string;
  count: number;
  /** Names this target's phones in messages (the server issues their ids). */
  idPrefix: string;
  /** Source address of the connections (127.0.0.x spreads the ephemeral ports). */
  localAddress?: string;
}

export type IdleRequest =
  | { type: "connect"; targets: IdleTarget[]; concurrency: number }
  | { type: "report" }
  | { type: "close" };

export interface PushArrivals {
  seq: number;
  first: number;
  last: number;
  count: number;
  /** Size of the first frame that carried it, bytes. */
  frameBytes: number;
}

export type IdleReply =
  | { type: "progress"; connected: number; failed: number }
  | { type: "connected"; connected: number; failed: number; errors: string[] }
  | {
      type: "report";
      connected: number;
      dropped: number;
      /** Key-push frames received, all phones together (a frame may carry several pushes). */
      frames: number;
      pushes: PushArrivals[];
    }
  | { type: "closed" };

// The protocol's name, checked by tsc: importing @tracebed/protocol (zod and all) would cost
// each idle child ≈ 20 MB and 0.1 s.
const KEY_PUSHES_EVENT: typeof EVENTS.keyPushes = "key-pushes";
const KEY_PUSHES = Buffer.from(`42["${KEY_PUSHES_EVENT}",`);
const SEQ = Buffer.from('"seq":');

/** The seqs a key-push frame carries, read from its bytes (no string, no JSON). */
function seqsOf(frame: Buffer): number[] {
  const seqs: number[] = [];
  for (let at = frame.indexOf(SEQ); at >= 0; at = frame.indexOf(SEQ, at + SEQ.length)) {
    let seq = 0;
    for (let i = at + SEQ.length; i < frame.length && frame[i]! >= 0x30 && frame[i]! <= 0x39; i++)
      seq = seq * 10 + frame[i]! - 0x30;
    seqs.push(seq);
  }
  return seqs;
}

const send = (m: IdleReply) => process.send?.(m);

const sockets: WebSocket[] = [];
let connected = 0;
let failed = 0;
let dropped = 0;
let frames = 0;
const errors: string[] = [];
const pushes = new Map<number, PushArrivals>();

function fail(message: string): void {
  failed++;
  if (errors.length < 5) errors.push(message);
}

/** One phone: registered, then connected; resolves once it is connected or has failed. */
async function phone(t: IdleTarget, name: string): Promise<void> {
  let handshake: PhoneHandshake;
  try {
    const r = await fetch(`${t.url}/v1/phones`, { method: "POST" });
    if (r.status !== 201) throw new Error(`registration of ${name}: ${r.status}`);
    handshake = (await r.json()) as PhoneHandshake;
  } catch (err) {
    fail(`${t.url}: ${(err as Error).message}`);
    return;
  }
  return new Promise((resolve) => {
    let state: "opening" | "connecting" | "connected" | "done" = "opening";
    const ws = new WebSocket(
      `${t.url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`,
      {
        perMessageDeflate: false,
        // Frames come from the server under test: this process's CPU is better left to it.
        skipUTF8Validation: true,
        ...(t.localAddress ? { localAddress: t.localAddress } : {}),
      },
    );
    const settle = (ok: boolean, why = "") => {
      if (state === "connected" || state === "done") return;
      state = ok ? "connected" : "done";
      if (ok) {
        connected++;
        sockets.push(ws);
      } else fail(`${t.url}: ${why}`);
      resolve();
    };
    ws.on("message", (data: Buffer) => {
      const c = data[0];
      if (c === 0x32 && data.length === 1) {
        ws.send("3");
        return;
      }
      if (data.subarray(0, KEY_PUSHES.length).equals(KEY_PUSHES)) {
        frames++;
        const now = Date.now();
        for (const seq of seqsOf(data)) {
          const p = pushes.get(seq);
          if (p) {
            p.last = now;
            p.count++;
          } else pushes.set(seq, { seq, first: now, last: now, count: 1, frameBytes: data.length });
        }
        return;
      }
      const s = data.toString();
      if (s[0] === "0" && state === "opening") {
        state = "connecting";
        ws.send(`40${JSON.stringify(handshake)}`);
      } else if (s.startsWith("40")) settle(true);
      else if (s.startsWith("44")) {
        settle(false, s.slice(2, 200));
        ws.close();
      }
    });
    ws.on("error", (err) => settle(false, err.message));
    ws.on("close", () => {
      if (state === "connected") {
        connected--;
        dropped++;
      }
      settle(false, "closed before connecting");
      state = "done";
    });
  });
}

async function connectAll(targets: IdleTarget[], concurrency: number): Promise<void> {
  const jobs: [IdleTarget, number][] = [];
  // Interleave the targets so every server fills at the same pace.
  const most = Math.max(...targets.map((t) => t.count));
  for (let i = 0; i < most; i++) for (const t of targets) if (i < t.count) jobs.push([t, i]);
  let next = 0;
  const timer = setInterval(() => send({ type: "progress", connected, failed }), 500);
  await Promise.all(
    Array.from({ length: Math.min(concurrency, jobs.length) }, async () => {
      while (next < jobs.length) {
        const [t, i] = jobs[next++]!;
        await phone(t, `${t.idPrefix}${i}`);
      }
    }),
  );
  clearInterval(timer);
  send({ type: "connected", connected, failed, errors });
}

process.on("message", (m: IdleRequest) => {
  if (m.type === "connect") void connectAll(m.targets, m.concurrency);
  else if (m.type === "report") {
    send({ type: "report", connected, dropped, frames, pushes: [...pushes.values()] });
  } else if (m.type === "close") {
    for (const ws of sockets) ws.terminate();
    send({ type: "closed" });
    setTimeout(() => process.exit(0), 50);
  }
});
process.on("disconnect", () => process.exit(0));
