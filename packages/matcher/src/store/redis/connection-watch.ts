import type { RedisClient } from "./connect.js";

export interface ConnectionWatcher {
  lost(): void;
  back(): void;
}

/**
 * Whether every connection a process has to Redis is up: the store's own and the Socket.IO
 * adapter's (publish, subscribe). Lost when any goes; back only once all are ready again — a
 * subscriber is ready only after it subscribed again (node-redis), so a catch-up started on
 * `back` cannot miss a push another process publishes while this one is not yet listening.
 */
export class ConnectionWatch {
  private readonly clients = new Set<RedisClient>();
  private readonly watchers: ConnectionWatcher[] = [];
  private isLost = false;

  constructor(private readonly closed: () => boolean) {}

  add(c: RedisClient): void {
    this.clients.add(c);
    const lose = () => {
      if (!this.clients.has(c) || this.isLost || this.closed()) return;
      this.isLost = true;
      for (const w of this.watchers) w.lost();
    };
    c.on("end", lose);
    c.on("error", lose);
    c.on("ready", () => {
      if (!this.clients.has(c) || !this.isLost) return;
      if (![...this.clients].every((x) => x.isReady)) return;
      this.isLost = false;
      if (!this.closed()) for (const w of this.watchers) w.back();
    });
  }

  /** Stops watching `c` (closed on purpose). */
  remove(c: RedisClient): void {
    this.clients.delete(c);
  }

  watch(w: ConnectionWatcher): void {
    this.watchers.push(w);
  }
}
