import { describe, expect, it } from "vitest";
import {
  decodeEngine,
  decodeSocketIo,
  encodeAck,
  encodeConnect,
  encodeEvent,
  FrameError,
  SocketIoSession,
  socketIoUrl,
} from "../lib/socketio.ts";

describe("Engine.IO frames", () => {
  it("decodes open, ping, pong, message, close and noop", () => {
    const open = decodeEngine(
      '0{"sid":"abc","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}',
    );
    expect(open).toEqual({
      type: "open",
      open: {
        sid: "abc",
        upgrades: [],
        pingInterval: 25000,
        pingTimeout: 20000,
        maxPayload: 1000000,
      },
    });
    expect(decodeEngine("2")).toEqual({ type: "ping", data: "" });
    expect(decodeEngine("3probe")).toEqual({ type: "pong", data: "probe" });
    expect(decodeEngine('42["x"]')).toEqual({ type: "message", data: '2["x"]' });
    expect(decodeEngine("1")).toEqual({ type: "close" });
    expect(decodeEngine("6")).toEqual({ type: "noop" });
  });

  it("refuses what is not an Engine.IO packet", () => {
    for (const bad of ["", "7", "x1", "9{}"]) expect(() => decodeEngine(bad)).toThrow(FrameError);
  });

  it("builds the websocket URL from the server's HTTP URL", () => {
    expect(socketIoUrl("http://127.0.0.1:8080")).toBe(
      "ws://127.0.0.1:8080/socket.io/?EIO=4&transport=websocket",
    );
    expect(socketIoUrl("https://m.example/")).toBe(
      "wss://m.example/socket.io/?EIO=4&transport=websocket",
    );
  });
});

describe("Socket.IO packets", () => {
  it("encodes connect with auth, events with and without ack ids, acks, namespaces", () => {
    expect(encodeConnect({ phoneId: "phone-0001" })).toBe('40{"phoneId":"phone-0001"}');
    expect(encodeConnect(undefined, "/live")).toBe("40/live,");
    expect(encodeEvent("catch-up", [{ since: 3 }])).toBe('42["catch-up",{"since":3}]');
    expect(encodeEvent("catch-up", [{}], 12)).toBe('4212["catch-up",{}]');
    expect(encodeEvent("x", [], undefined, "/live")).toBe('42/live,["x"]');
    expect(encodeAck(7, [{ ok: true }])).toBe('437[{"ok":true}]');
  });

  it("decodes what it encodes", () => {
    const strip = (frame: string) => frame.slice(1);
    expect(decodeSocketIo(strip(encodeEvent("catch-up", [{}], 12)))).toEqual({
      type: "event",
      nsp: "/",
      id: 12,
      name: "catch-up",
      args: [{}],
    });
    expect(decodeSocketIo(strip(encodeEvent("stats", [1, 2], undefined, "/live")))).toEqual({
      type: "event",
      nsp: "/live",
      id: null,
      name: "stats",
      args: [1, 2],
    });
    expect(decodeSocketIo(strip(encodeAck(4, ["a"])))).toEqual({
      type: "ack",
      nsp: "/",
      id: 4,
      args: ["a"],
    });
    expect(decodeSocketIo('0{"sid":"s1"}')).toEqual({
      type: "connect",
      nsp: "/",
      data: { sid: "s1" },
    });
    expect(decodeSocketIo("1")).toEqual({ type: "disconnect", nsp: "/" });
    expect(decodeSocketIo('4{"message":"auth.phoneId: too short","data":{"error":{}}}')).toEqual({
      type: "connect_error",
      nsp: "/",
      data: { message: "auth.phoneId: too short", data: { error: {} } },
    });
  });

  it("refuses binary packets and malformed events", () => {
    expect(() => decodeSocketIo('51-["x",{"_placeholder":true,"num":0}]')).toThrow(FrameError);
    expect(() => decodeSocketIo("2{}")).toThrow(FrameError);
    expect(() => decodeSocketIo("3[1]")).toThrow(FrameError);
    expect(() => decodeSocketIo("9")).toThrow(FrameError);
  });
});

describe("SocketIoSession", () => {
  it("connects with its auth once Engine.IO is open, answers pings, reports events", () => {
    const s = new SocketIoSession({ phoneId: "phone-0001" });
    const open = s.onFrame('0{"sid":"e1","pingInterval":25000,"pingTimeout":20000,"maxPayload":1}');
    expect(open.send).toEqual(['40{"phoneId":"phone-0001"}']);
    expect(s.state).toBe("connecting");
    const connected = s.onFrame('40{"sid":"s1"}');
    expect(connected.events).toEqual([{ type: "connected", sid: "s1" }]);
    expect(s.state).toBe("connected");
    expect(s.onFrame("2")).toEqual({ send: ["3"], events: [] });
    const ev = s.onFrame('42["key-pushes",[{"seq":1}]]');
    expect(ev.events).toEqual([
      { type: "event", name: "key-pushes", args: [[{ seq: 1 }]], ackId: null },
    ]);
    // Other namespaces are not this session's business.
    expect(s.onFrame('42/live,["stats",{}]').events).toEqual([]);
  });

  it("numbers acknowledgements and matches the server's answers", () => {
    const s = new SocketIoSession({ phoneId: "phone-0001" });
    const a = s.emit("catch-up", [{ since: 0 }], true);
    const b = s.emit("catch-up", [{}], true);
    expect(a).toEqual({ frame: '420["catch-up",{"since":0}]', ackId: 0 });
    expect(b.ackId).toBe(1);
    expect(s.emit("x").ackId).toBeNull();
    expect(s.onFrame('431[{"pushes":[]}]').events).toEqual([
      { type: "ack", id: 1, args: [{ pushes: [] }] },
    ]);
  });

  it("reports a refused handshake and a server close", () => {
    const s = new SocketIoSession({ phoneId: "x" });
    s.onFrame('0{"sid":"e1","pingInterval":1,"pingTimeout":1,"maxPayload":1}');
    const refused = s.onFrame(
      '44{"message":"auth.phoneId: too short","data":{"error":{"code":"invalid_message"}}}',
    );
    expect(refused.events).toEqual([
      {
        type: "connect_error",
        message: "auth.phoneId: too short",
        data: { error: { code: "invalid_message" } },
      },
    ]);
    expect(s.state).toBe("closed");
    const t = new SocketIoSession();
    expect(t.onFrame("1").events).toEqual([{ type: "disconnected", reason: "transport close" }]);
    expect(new SocketIoSession().close()).toEqual(["41", "1"]);
  });
});
