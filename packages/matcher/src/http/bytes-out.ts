import type { Server } from "node:http";
import type { Socket } from "node:net";

/**
 * Bytes this process wrote to its clients over TCP: HTTP responses and Socket.IO websocket
 * frames alike (the websocket upgrade keeps the HTTP server's socket), headers included. A
 * closed socket is counted once; an open one (a phone's websocket) up to now at each read.
 */
export class BytesOut {
  private closed = 0;
  private readonly open = new Set<Socket>();

  /** Counts every connection the server accepts from now on. */
  attach(server: Server): void {
    server.on("connection", (socket: Socket) => {
      this.open.add(socket);
      socket.once("close", () => {
        this.open.delete(socket);
        this.closed += socket.bytesWritten;
      });
    });
  }

  /** Bytes written so far. */
  total(): number {
    let n = this.closed;
    for (const s of this.open) n += s.bytesWritten;
    return n;
  }
}
