// The push fan-out on a real Socket.IO server with real clients: every phone gets every push
// once, a burst shares frames, and the event loop runs between shards.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { EVENTS, type KeyPush, type KeyPushFrame } from "@tracebed/protocol";
import { Server } from "socket.io";
import { type Socket as ClientSocket, io as ioc } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUSH_SHARDS, PushFanOut } from "../src/socket/push-fan-out.js";
import { TestPhone, today } from "./helpers/phones.js";

const PHONES = 100;
const F0 = new TestPhone("F0", today() - 20);
const pushOf = (seq: number, role: "F0" | "F1" = "F0"): KeyPush => ({
  seq,
  indexId: `index-${seq}`,
  role,
  scheme: "bluezone",
  windowEnd: (today() + 1) * 86_400,
  keys: F0.keys(today()),
  pushedAt: Math.floor(Date.now() / 1000),
});
let http: HttpServer;
let io: Server;
let fanOut: PushFanOut;
const HOLD_MS = 300;
const frameSizes: number[] = [];
const delivered: number[] = [];
const clients: { socket: ClientSocket; frames: KeyPush[][] }[] = [];

beforeAll(async () => {
  http = createServer();
  io = new Server(http, { transports: ["websocket"], serveClient: false });
  fanOut = new PushFanOut(
    io.of("/"),
    {
      frame: (n) => frameSizes.push(n),
      delivered: (s) => delivered.push(s),
    },
    { holdF1Ms: HOLD_MS },
  );
  io.on("connection", (socket) => fanOut.admit(socket));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  for (let i = 0; i < PHONES; i++) {
    const socket = ioc(url, { transports: ["websocket"], forceNew: true, reconnection: false });
    const client = { socket, frames: [] as KeyPush[][] };
    socket.on(EVENTS.keyPushes, (frame: KeyPushFrame) => client.frames.push(frame));
    clients.push(client);
  }
  await Promise.all(clients.map((c) => new Promise((r) => c.socket.once("connect", () => r(0)))));
});

afterAll(async () => {
  for (const c of clients) c.socket.disconnect();
  await new Promise((r) => io.close(r));
});

const arrived = (n: number) =>
  new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (clients.every((c) => c.frames.flat().length >= n)) return resolve();
      if (Date.now() - started > 5_000) return reject(new Error(`not every phone got ${n}`));
      setTimeout(check, 20);
    };
    check();
  });

describe("the push fan-out", () => {
  it("gets a burst of pushes to every phone once, in about two frames each", async () => {
    const burst = Array.from({ length: 20 }, (_, i) => pushOf(i + 1));
    for (const p of burst) fanOut.push(p);
    fanOut.push(burst[3]!); // handed over twice (a replayed message): sent once
    await fanOut.idle();
    await arrived(20);
    for (const c of clients) {
      const seqs = c.frames.flat().map((p) => p.seq);
      expect(seqs).toEqual(burst.map((p) => p.seq));
      expect(c.frames.length).toBeLessThanOrEqual(2);
    }
    // Shard 0 got push 1 alone (written as it came), then the other 19; the rest one frame.
    expect(frameSizes).toHaveLength(PUSH_SHARDS + 1);
    expect(delivered).toHaveLength(20);
  });

  it("lets other work run between shards", async () => {
    frameSizes.length = 0;
    fanOut.push(pushOf(21));
    const written = await new Promise<number>((r) => setImmediate(() => r(frameSizes.length)));
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(PUSH_SHARDS);
    await fanOut.idle();
    expect(frameSizes).toHaveLength(PUSH_SHARDS);
    await arrived(21);
  });

  it("holds F1 pushes so that they share frames, and lets an F0 push take them along", async () => {
    const framesBefore = clients.map((c) => c.frames.length);
    const t0 = performance.now();
    fanOut.push(pushOf(22, "F1"));
    await new Promise((r) => setTimeout(r, HOLD_MS / 3));
    fanOut.push(pushOf(23, "F1"));
    await fanOut.idle();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(HOLD_MS - 5);
    await arrived(23);
    clients.forEach((c, i) => {
      expect(c.frames.length).toBe(framesBefore[i]! + 1);
      expect(c.frames.at(-1)!.map((p) => p.seq)).toEqual([22, 23]);
    });

    fanOut.push(pushOf(24, "F1"));
    const t1 = performance.now();
    fanOut.push(pushOf(25, "F0"));
    await fanOut.idle();
    expect(performance.now() - t1).toBeLessThan(HOLD_MS);
    await arrived(25);
    for (const c of clients) expect(c.frames.at(-1)!.map((p) => p.seq)).toEqual([24, 25]);
  });

  it("keeps the shards even", () => {
    const sizes = Array.from(
      { length: PUSH_SHARDS },
      (_, s) => io.of("/").adapter.rooms.get(`push:${s}`)?.size ?? 0,
    );
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
});
