/*
 * Socket.IO v4 over a bare websocket (Engine.IO v4, websocket transport only), as text frames.
 * Pure: no k6 and no Node module, so the k6 scripts and vitest both load it.
 *
 * Engine.IO packet = one digit + data: 0 open {sid, pingInterval, pingTimeout, maxPayload},
 * 1 close, 2 ping (the server's heartbeat; answer 3 pong), 3 pong, 4 message, 5 upgrade, 6 noop.
 * Socket.IO packet (inside a message) = type digit [+ "/nsp,"] [+ ack id] [+ JSON]:
 * 0 CONNECT (client: auth object; server: {sid}), 1 DISCONNECT, 2 EVENT [name, ...args],
 * 3 ACK [...args], 4 CONNECT_ERROR {message, data?}. Binary packets (5, 6) are not used by the
 * matcher's phone channel.
 *   client → server  40{"phoneId":"…"}        connect to "/" with auth
 *   server → client  40{"sid":"…"}            connected
 *   server → client  42["key-pushes",[{…}]]   an event
 *   client → server  421["catch-up",{}]       an event with ack id 1 → server 431[{…}]
 *   server → client  2                        ping → client 3
 */

export const ENGINE_PING = "2";
export const ENGINE_PONG = "3";
export const ENGINE_CLOSE = "1";

/** The websocket URL of a Socket.IO server at `base` (http(s)://host:port[/path]). */
export function socketIoUrl(base: string, path = "/socket.io/"): string {
  const url = base.replace(/^http/, "ws").replace(/\/+$/, "");
  return `${url}${path}?EIO=4&transport=websocket`;
}

export interface EngineOpen {
  sid: string;
  pingInterval: number;
  pingTimeout: number;
  maxPayload: number;
}

export type EnginePacket =
  | { type: "open"; open: EngineOpen }
  | { type: "close" }
  | { type: "ping"; data: string }
  | { type: "pong"; data: string }
  | { type: "message"; data: string }
  | { type: "upgrade" }
  | { type: "noop" };

const ENGINE_TYPES = ["open", "close", "ping", "pong", "message", "upgrade", "noop"] as const;

export class FrameError extends Error {}

export function decodeEngine(frame: string): EnginePacket {
  const type = /^[0-6]/.test(frame) ? ENGINE_TYPES[Number(frame[0])] : undefined;
  if (type === undefined) {
    throw new FrameError(`not an Engine.IO packet: ${JSON.stringify(frame.slice(0, 40))}`);
  }
  const data = frame.slice(1);
  switch (type) {
    case "open":
      return { type, open: JSON.parse(data) as EngineOpen };
    case "ping":
    case "pong":
    case "message":
      return { type, data };
    default:
      return { type };
  }
}

export type SocketIoPacket =
  | { type: "connect"; nsp: string; data: unknown }
  | { type: "disconnect"; nsp: string }
  | { type: "event"; nsp: string; id: number | null; name: string; args: unknown[] }
  | { type: "ack"; nsp: string; id: number; args: unknown[] }
  | { type: "connect_error"; nsp: string; data: { message?: string; data?: unknown } };

/** Decodes the data of an Engine.IO message as a Socket.IO packet. */
export function decodeSocketIo(data: string): SocketIoPacket {
  const t = data[0];
  let i = 1;
  if (t === "5" || t === "6") throw new FrameError("binary Socket.IO packets are not supported");
  let nsp = "/";
  if (data[i] === "/") {
    const comma = data.indexOf(",", i);
    const end = comma === -1 ? data.length : comma;
    nsp = data.slice(i, end);
    i = comma === -1 ? end : end + 1;
  }
  let idText = "";
  while (i < data.length && data[i]! >= "0" && data[i]! <= "9") idText += data[i++];
  const id = idText === "" ? null : Number(idText);
  const json = i < data.length ? (JSON.parse(data.slice(i)) as unknown) : undefined;
  switch (t) {
    case "0":
      return { type: "connect", nsp, data: json };
    case "1":
      return { type: "disconnect", nsp };
    case "2": {
      if (!Array.isArray(json) || typeof json[0] !== "string") {
        throw new FrameError("an EVENT packet needs [name, ...args]");
      }
      return { type: "event", nsp, id, name: json[0], args: json.slice(1) };
    }
    case "3":
      if (id === null || !Array.isArray(json))
        throw new FrameError("an ACK packet needs id [args]");
      return { type: "ack", nsp, id, args: json };
    case "4":
      return { type: "connect_error", nsp, data: (json ?? {}) as { message?: string } };
    default:
      throw new FrameError(`not a Socket.IO packet: ${JSON.stringify(data.slice(0, 40))}`);
  }
}

const nspPart = (nsp: string) => (nsp === "/" ? "" : `${nsp},`);

/** `40{auth}`: connect to a namespace, with the handshake's auth object. */
export function encodeConnect(auth?: Record<string, unknown>, nsp = "/"): string {
  return `40${nspPart(nsp)}${auth === undefined ? "" : JSON.stringify(auth)}`;
}

/** `42["name",...args]`, or `42<id>[…]` when the sender wants an acknowledgement. */
export function encodeEvent(name: string, args: unknown[] = [], ackId?: number, nsp = "/"): string {
  return `42${nspPart(nsp)}${ackId ?? ""}${JSON.stringify([name, ...args])}`;
}

/** `43<id>[...args]`: acknowledges a server event that asked for it. */
export function encodeAck(id: number, args: unknown[] = [], nsp = "/"): string {
  return `43${nspPart(nsp)}${id}${JSON.stringify(args)}`;
}

/** What a session saw in one frame, for the script to act on. */
export type SessionEvent =
  | { type: "open"; open: EngineOpen }
  | { type: "connected"; sid: string }
  | { type: "connect_error"; message: string; data: unknown }
  | { type: "event"; name: string; args: unknown[]; ackId: number | null }
  | { type: "ack"; id: number; args: unknown[] }
  | { type: "disconnected"; reason: string };

export interface SessionStep {
  /** Frames to send back, in order. */
  send: string[];
  events: SessionEvent[];
}

/**
 * The client side of one Socket.IO connection to one namespace, as a pure state machine: feed
 * it each text frame received, send what it returns. It answers pings, sends the connect packet
 * (with `auth`) once Engine.IO is open, and numbers acknowledgements.
 */
export class SocketIoSession {
  state: "opening" | "connecting" | "connected" | "closed" = "opening";
  sid: string | null = null;
  private nextAck = 0;

  constructor(
    private readonly auth?: Record<string, unknown>,
    private readonly nsp = "/",
  ) {}

  onFrame(frame: string): SessionStep {
    const step: SessionStep = { send: [], events: [] };
    const p = decodeEngine(frame);
    switch (p.type) {
      case "open":
        this.state = "connecting";
        step.events.push({ type: "open", open: p.open });
        step.send.push(encodeConnect(this.auth, this.nsp));
        break;
      case "ping":
        step.send.push(ENGINE_PONG + p.data);
        break;
      case "close":
        this.state = "closed";
        step.events.push({ type: "disconnected", reason: "transport close" });
        break;
      case "message":
        this.onPacket(decodeSocketIo(p.data), step);
        break;
      default:
        break;
    }
    return step;
  }

  private onPacket(p: SocketIoPacket, step: SessionStep): void {
    if (p.nsp !== this.nsp) return;
    switch (p.type) {
      case "connect": {
        this.state = "connected";
        this.sid = (p.data as { sid?: string } | undefined)?.sid ?? null;
        step.events.push({ type: "connected", sid: this.sid ?? "" });
        break;
      }
      case "connect_error":
        this.state = "closed";
        step.events.push({
          type: "connect_error",
          message: p.data.message ?? "connect_error",
          data: p.data.data,
        });
        break;
      case "disconnect":
        this.state = "closed";
        step.events.push({ type: "disconnected", reason: "server namespace disconnect" });
        break;
      case "event":
        step.events.push({ type: "event", name: p.name, args: p.args, ackId: p.id });
        break;
      case "ack":
        step.events.push({ type: "ack", id: p.id, args: p.args });
        break;
    }
  }

  /** An event frame to send; with `wantAck`, the id its acknowledgement will carry. */
  emit(
    name: string,
    args: unknown[] = [],
    wantAck = false,
  ): { frame: string; ackId: number | null } {
    const ackId = wantAck ? this.nextAck++ : null;
    return { frame: encodeEvent(name, args, ackId ?? undefined, this.nsp), ackId };
  }

  /** The frames that leave politely: Socket.IO disconnect, then Engine.IO close. */
  close(): string[] {
    this.state = "closed";
    return [`41${nspPart(this.nsp)}`, ENGINE_CLOSE];
  }
}
