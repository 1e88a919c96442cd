/** A small pool of Web Workers answering one request at a time each, in FIFO order. */

interface Queued<Req, Res> {
  msg: Req;
  tag: string;
  resolve: (r: Res) => void;
  reject: (e: Error) => void;
}

/** Omit over each member of a union (a request without its id). */
export type Unsent<T> = T extends unknown ? Omit<T, "id"> : never;

export class Cancelled extends Error {
  override readonly name = "Cancelled";
}

export class WorkerPool<Req extends { id: number }, Res extends { id: number }> {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Queued<Req, Res>[] = [];
  private readonly busy = new Map<Worker, Queued<Req, Res>>();
  private nextId = 1;

  constructor(
    readonly size: number,
    private readonly create: () => Worker,
  ) {}

  /** Sends a request (its id is assigned here); `tag` lets `clear` drop it while queued. */
  request(msg: Unsent<Req>, tag = ""): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      this.queue.push({
        msg: { ...msg, id: this.nextId++ } as unknown as Req,
        tag,
        resolve,
        reject,
      });
      this.pump();
    });
  }

  /** Drops queued requests (all, or those whose tag differs from `keep`). */
  clear(keep?: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const q = this.queue[i]!;
      if (keep !== undefined && q.tag === keep) continue;
      this.queue.splice(i, 1);
      q.reject(new Cancelled("cancelled"));
    }
  }

  get queued(): number {
    return this.queue.length;
  }

  terminate(): void {
    this.clear();
    for (const w of this.workers) w.terminate();
    for (const q of this.busy.values()) q.reject(new Cancelled("terminated"));
    this.busy.clear();
  }

  private spawn(): Worker {
    const w = this.create();
    w.addEventListener("message", (event: MessageEvent<Res>) => {
      const q = this.busy.get(w);
      if (!q || event.data.id !== q.msg.id) return;
      this.busy.delete(w);
      this.idle.push(w);
      q.resolve(event.data);
      this.pump();
    });
    w.addEventListener("error", (event: ErrorEvent) => {
      const q = this.busy.get(w);
      this.busy.delete(w);
      this.idle.push(w);
      q?.reject(new Error(event.message || "worker error"));
      this.pump();
    });
    this.workers.push(w);
    return w;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const w = this.idle.pop() ?? (this.workers.length < this.size ? this.spawn() : undefined);
      if (!w) return;
      const q = this.queue.shift()!;
      this.busy.set(w, q);
      w.postMessage(q.msg);
    }
  }
}
