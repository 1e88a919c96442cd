// A phone's push channel in k6: a k6/websockets WebSocket driven by the pure Socket.IO session.
import { WebSocket } from "k6/websockets";
import { type SessionEvent, SocketIoSession, socketIoUrl } from "../lib/socketio.ts";

export interface PhoneHandlers {
  /** Socket.IO connected (the namespace answered `40{"sid"…}`). */
  onConnected?: (ms: number) => void;
  /** A server event: "ready", "key-pushes", "notification", "refused". */
  onEvent?: (name: string, payload: unknown) => void;
  /** The handshake was refused, the socket failed or a frame could not be read. */
  onError?: (message: string) => void;
  onClose?: () => void;
}

export interface PhoneChannel {
  readonly ws: WebSocket;
  close(): void;
}

/** Opens `base`'s Socket.IO channel as phone `phoneId` (websocket transport, auth {phoneId}). */
export function connectPhone(base: string, phoneId: string, h: PhoneHandlers): PhoneChannel {
  const started = Date.now();
  const session = new SocketIoSession({ phoneId });
  const ws = new WebSocket(socketIoUrl(base), null, { tags: { channel: "phones" } });
  const dispatch = (e: SessionEvent) => {
    switch (e.type) {
      case "connected":
        h.onConnected?.(Date.now() - started);
        break;
      case "connect_error":
        h.onError?.(`connect_error: ${e.message}`);
        ws.close();
        break;
      case "event":
        h.onEvent?.(e.name, e.args[0]);
        break;
      case "disconnected":
        ws.close();
        break;
      default:
        break;
    }
  };
  ws.onmessage = (m) => {
    if (typeof m?.data !== "string") return;
    try {
      const step = session.onFrame(m.data);
      for (const f of step.send) ws.send(f);
      for (const e of step.events) dispatch(e);
    } catch (err) {
      h.onError?.(String(err));
    }
  };
  ws.onerror = (e) => h.onError?.(e?.error ?? "websocket error");
  ws.onclose = () => h.onClose?.();
  return {
    ws,
    close() {
      if (ws.readyState === WebSocket.OPEN) for (const f of session.close()) ws.send(f);
      ws.close();
    },
  };
}
