import { EVENTS, type KeyPush, MAX_PUSHES_PER_FRAME } from "@tracebed/protocol";
import type { Namespace, Socket } from "socket.io";

/** Between matcher processes (the Redis adapter's serverSideEmit): a push to fan out. */
export const FAN_OUT_EVENT = "tracebed:fan-out";

/** Shards of this process's phones: a fan-out writes one, then lets other work run. */
export const PUSH_SHARDS = 32;
const shardRoom = (shard: number) => `push:${shard}`;

export interface FanOutMetrics {
  /** One frame written to one shard's phones, carrying `pushes` pushes. */
  frame(pushes: number): void;
  /** A push reached the last shard, `seconds` after it was handed over (hold included). */
  delivered(seconds: number): void;
}

export interface FanOutOptions {
  /**
   * How long an F1's push may wait for others (ms; 0: none). F0 pushes go out at once, and
   * take whatever F1 pushes wait with them.
   */
  readonly holdF1Ms: number;
}

/**
 * Key pushes to every phone this process holds. A push to 20,000 phones is 20,000 socket
 * writes (≈ 0.3 CPU s): written all at once it would stall the uploads and decisions that
 * find F1. So the phones are split into shards, written one shard per event-loop turn, and
 * pushes that come while a fan-out is under way join the frames of every shard not yet
 * written and go to the others in one more round: a burst of pushes (an F0's F1, each pushed
 * as it is notified) costs a phone about two frames, not one per push.
 *
 * F1 pushes (which find F2) may also wait a moment for each other, so that their fan-out does
 * not compete with the uploads and decisions that are still finding an F0's other F1.
 */
export class PushFanOut {
  private pending: KeyPush[][] = Array.from({ length: PUSH_SHARDS }, () => []);
  private readonly handedOver = new Map<number, { at: number; shardsLeft: number }>();
  private nextShard = 0;
  private cursor = 0;
  private running: Promise<void> | null = null;
  private held: KeyPush[] = [];
  private holding: { timer: NodeJS.Timeout; released: Promise<void>; release: () => void } | null =
    null;

  constructor(
    private readonly nsp: Namespace,
    private readonly metrics: FanOutMetrics,
    private readonly options: FanOutOptions,
  ) {}

  /** Puts a newly connected phone in a shard; round-robin keeps the shards even. */
  admit(socket: Socket): void {
    void socket.join(shardRoom(this.nextShard));
    this.nextShard = (this.nextShard + 1) % PUSH_SHARDS;
  }

  push(push: KeyPush): void {
    if (this.handedOver.has(push.seq)) return;
    this.handedOver.set(push.seq, { at: performance.now(), shardsLeft: PUSH_SHARDS });
    if (push.role === "F1" && this.options.holdF1Ms > 0) {
      this.held.push(push);
      this.hold();
      return;
    }
    this.enqueue([...this.takeHeld(), push]);
  }

  /** Resolves when every push handed over so far has reached every shard. */
  async idle(): Promise<void> {
    while (this.running !== null || this.holding !== null) {
      await this.holding?.released;
      await this.running;
    }
  }

  /** Sends what is held now and waits for every fan-out to end. */
  async flush(): Promise<void> {
    this.enqueue(this.takeHeld());
    await this.idle();
  }

  private hold(): void {
    if (this.holding !== null) return;
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const timer = setTimeout(() => this.enqueue(this.takeHeld()), this.options.holdF1Ms);
    this.holding = { timer, released, release };
  }

  /** Ends the hold; the caller enqueues what was held. */
  private takeHeld(): KeyPush[] {
    const h = this.holding;
    if (h === null) return [];
    this.holding = null;
    clearTimeout(h.timer);
    h.release();
    const held = this.held;
    this.held = [];
    return held;
  }

  private enqueue(pushes: KeyPush[]): void {
    if (pushes.length === 0) return;
    for (const queue of this.pending) queue.push(...pushes);
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const shard = this.nextPending();
      if (shard === null) return;
      const queue = this.pending[shard]!.sort((a, b) => a.seq - b.seq);
      this.pending[shard] = [];
      const room = this.nsp.local.to(shardRoom(shard));
      for (let i = 0; i < queue.length; i += MAX_PUSHES_PER_FRAME) {
        const frame = queue.slice(i, i + MAX_PUSHES_PER_FRAME);
        room.emit(EVENTS.keyPushes, frame);
        this.metrics.frame(frame.length);
      }
      for (const push of queue) this.shardDone(push.seq);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** The next shard, from the cursor on, with pushes waiting; null when none has. */
  private nextPending(): number | null {
    for (let k = 0; k < PUSH_SHARDS; k++) {
      const shard = (this.cursor + k) % PUSH_SHARDS;
      if (this.pending[shard]!.length > 0) {
        this.cursor = (shard + 1) % PUSH_SHARDS;
        return shard;
      }
    }
    return null;
  }

  private shardDone(seq: number): void {
    const h = this.handedOver.get(seq);
    if (h === undefined || --h.shardsLeft > 0) return;
    this.metrics.delivered((performance.now() - h.at) / 1000);
    this.handedOver.delete(seq);
  }
}
