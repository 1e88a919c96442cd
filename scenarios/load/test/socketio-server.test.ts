// The k6 framing against the real matcher: a bare websocket (the `ws` package, as k6's
// websockets would) speaking Engine.IO / Socket.IO through SocketIoSession.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMatcher, type Matcher } from "@tracebed/matcher";
import { EVENTS, parseMessage, readySchema } from "@tracebed/protocol";
import { afterAll, beforeAll, expect, it } from "vitest";
import WebSocket from "ws";
import { type SessionEvent, SocketIoSession, socketIoUrl } from "../lib/socketio.ts";

let matcher: Matcher;
let url: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tracebed-k6-"));
  matcher = await createMatcher({
    store: "memory",
    dataDir: dir,
    haToken: "k6-test-token-0123456789",
    logLevel: "silent",
  });
  url = (await matcher.listen(0, "127.0.0.1")).url;
});
afterAll(async () => {
  await matcher.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Registers a phone (`POST /v1/phones`): its server-issued id and secret. */
async function register(): Promise<{ phoneId: string; secret: string }> {
  const r = await fetch(`${url}/v1/phones`, { method: "POST" });
  return (await r.json()) as { phoneId: string; secret: string };
}

/** Connects with `auth`; resolves with the events seen until `until` says stop. */
function session(
  auth: { phoneId: string; secret?: string },
  until: (e: SessionEvent, s: SocketIoSession, ws: WebSocket) => boolean,
): Promise<SessionEvent[]> {
  const s = new SocketIoSession(auth as { phoneId: string; secret: string });
  const ws = new WebSocket(socketIoUrl(url));
  const seen: SessionEvent[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out: ${JSON.stringify(seen)}`)), 5000);
    ws.on("message", (data) => {
      const step = s.onFrame(String(data));
      for (const f of step.send) ws.send(f);
      for (const e of step.events) {
        seen.push(e);
        if (until(e, s, ws)) {
          clearTimeout(timer);
          ws.close();
          resolve(seen);
        }
      }
    });
    ws.on("error", reject);
  });
}

it("connects with auth {phoneId, secret}, gets ready, and a catch-up answered through its ack id", async () => {
  let ackId: number | null = null;
  const phone = await register();
  const seen = await session(phone, (e, s, ws) => {
    if (e.type === "event" && e.name === EVENTS.ready) {
      const m = s.emit(EVENTS.catchUp, [{ since: 0 }], true);
      ackId = m.ackId;
      ws.send(m.frame);
    }
    return e.type === "ack";
  });
  expect(seen[0]?.type).toBe("open");
  expect(seen[1]?.type).toBe("connected");
  const ready = seen.find((e) => e.type === "event" && e.name === EVENTS.ready);
  expect(ready).toMatchObject({ args: [{ phoneId: phone.phoneId, latestSeq: 0 }] });
  if (ready?.type === "event") parseMessage(readySchema, ready.args[0]);
  expect(seen.at(-1)).toEqual({
    type: "ack",
    id: ackId,
    args: [{ pushes: [], next: 0, more: false }],
  });
});

it("a phone without its secret is refused with connect_error", async () => {
  const phone = await register();
  for (const auth of [{ phoneId: "x" }, { phoneId: phone.phoneId }]) {
    const seen = await session(auth, (e) => e.type === "connect_error");
    expect(seen.at(-1)).toMatchObject({
      type: "connect_error",
      message: expect.stringMatching(/^auth/),
      data: { error: { code: "unauthorized" } },
    });
  }
});
