// A phone's push channel in k6: a k6/websockets WebSocket driven by the pure Socket.IO session.
// The event names are the protocol's (socket-names.ts imports nothing, so k6 loads it as it
// is); the payload types are erased with the rest of the types.
import type { KeyPushFrame, Notification, PhoneHandshake, Ready } from "@tracebed/protocol";
import { WebSocket } from "k6/websockets";
import { EVENTS } from "../../../packages/protocol/src/messages/socket-names.ts";
import { type SessionEvent, SocketIoSession, socketIoUrl } from "../lib/socketio.ts";

export interface PhoneHandlers {
  /** Socket.IO connected (the namespace answered `40{"sid"…}`). */
  onConnected?: (ms: number) => void;
  /** "ready": once, on connect. */
  onReady?: (ready: Ready) => void;
  /** "key-pushes": a frame of 1–100 pushes in seq order (dedupe by seq). */
  onKeyPushes?: (frame: KeyPushFrame) => void;
  /** "notification": this phone is F1 or F2 (sent again on reconnect: dedupe by notificationId). */
  onNotification?: (notification: Notification) => void;
  /** The handshake was refused, the socket failed or a frame could not be read. */
  onError?: (message: string) => void;
  onClose?: () => void;
}

export interface PhoneChannel {
  readonly ws: WebSocket;
  close(): void;
}

/**
 * Opens `base`'s Socket.IO channel as a registered phone (websocket transport, auth
 * { phoneId, secret } from `POST /v1/phones`).
 */
export function connectPhone(base: string, auth: PhoneHandshake, h: PhoneHandlers): PhoneChannel {
  const started = Date.now();
  const session = new SocketIoSession(auth);
  const ws = new WebSocket(socketIoUrl(base), null, { tags: { channel: "phones" } });
  const onEvent = (name: string, payload: unknown) => {
    switch (name) {
      case EVENTS.ready:
        h.onReady?.(payload as Ready);
        break;
      case EVENTS.keyPushes:
        h.onKeyPushes?.(payload as KeyPushFrame);
        break;
      case EVENTS.notification:
        h.onNotification?.(payload as Notification);
        break;
      default:
        // "refused" answers an event, and a phone here sends none.
        break;
    }
  };
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
        onEvent(e.name, e.args[0]);
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
