import { type ChildProcess, fork } from "node:child_process";
import { setPriority } from "node:os";
import { median } from "@tracebed/bench";
import type { IdleReply, IdleRequest, IdleTarget, PushArrivals } from "./idle-child.js";

/** Scheduling priority of the idle phones' processes (19 is the lowest). */
export const IDLE_NICE = 10;

/** Loopback source addresses: each gives its own ≈ 28k ephemeral ports per destination. */
export const SOURCE_ADDRESSES = Array.from({ length: 16 }, (_, i) => `127.0.0.${i + 2}`);

export interface IdleFleetOptions {
  /** Server URLs and how many idle phones each gets. */
  servers: { url: string; phones: number }[];
  /** Child processes (each may hold up to 20,000 open files). */
  procs: number;
  /** Phone ids start with this (unique per bench run and store). */
  idPrefix: string;
  /** Handshakes in flight per child process. */
  concurrency?: number;
  onProgress?: (connected: number, failed: number) => void;
}

export interface PushFanOut {
  /** Key pushes seen by the idle phones. */
  pushes: number;
  /** Idle phones that got each push, on average. */
  deliveredPerPush: number;
  /** Key-push frames the idle phones received, all together. */
  frames: number;
  /** Pushes per frame, on average (pushes due during a fan-out share a frame). */
  pushesPerFrame: number;
  /** Key-push frame, bytes (the largest seen). */
  frameBytes: number;
  /** First to last idle phone receiving one push, ms (median over pushes). */
  spreadMsP50: number;
  spreadMsMax: number;
  /** Frames delivered per second during a push, all servers together (median over pushes). */
  framesPerSecondP50: number;
  /** The latest push (highest seq) as the idle phones saw it. */
  latest: PushArrivals | null;
}

export interface IdleFleet {
  connected: number;
  failed: number;
  errors: string[];
  /** Push fan-out as the idle phones saw it, and phones that dropped since connecting. */
  report(): Promise<{ connected: number; dropped: number; fanOut: PushFanOut }>;
  /** Closes the first `n` child processes and their phones; the phones still held. */
  closeSome(n: number): Promise<number>;
  close(): Promise<void>;
}

function request(child: ChildProcess, m: IdleRequest): void {
  child.send(m);
}

function next<T extends IdleReply["type"]>(
  child: ChildProcess,
  type: T,
  onOther?: (m: IdleReply) => void,
): Promise<Extract<IdleReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: IdleReply) => {
      if (m.type === type) {
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(m as Extract<IdleReply, { type: T }>);
      } else onOther?.(m);
    };
    const onExit = (code: number | null) => {
      child.off("message", onMessage);
      reject(new Error(`idle phone process exited with ${code}`));
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

/** The median, 0 without pushes. */
const medianOr0 = (xs: number[]) => (xs.length === 0 ? 0 : median(xs));

/** Merges the children's arrivals per push seq (and their frame counts) into fan-out figures. */
export function fanOut(reports: PushArrivals[][], frames = 0): PushFanOut {
  const bySeq = new Map<number, PushArrivals>();
  for (const list of reports) {
    for (const p of list) {
      const q = bySeq.get(p.seq);
      if (!q) bySeq.set(p.seq, { ...p });
      else {
        q.first = Math.min(q.first, p.first);
        q.last = Math.max(q.last, p.last);
        q.count += p.count;
        q.frameBytes = Math.max(q.frameBytes, p.frameBytes);
      }
    }
  }
  const all = [...bySeq.values()];
  const spreads = all.map((p) => p.last - p.first);
  const rates = all
    .filter((p) => p.last > p.first)
    .map((p) => (p.count * 1000) / (p.last - p.first));
  const deliveries = all.reduce((s, p) => s + p.count, 0);
  return {
    pushes: all.length,
    deliveredPerPush: all.length ? deliveries / all.length : 0,
    frames,
    pushesPerFrame: frames > 0 ? Math.round((deliveries / frames) * 100) / 100 : 0,
    frameBytes: Math.max(0, ...all.map((p) => p.frameBytes)),
    spreadMsP50: medianOr0(spreads),
    spreadMsMax: Math.max(0, ...spreads),
    framesPerSecondP50: Math.round(medianOr0(rates)),
    latest: all.length ? all.reduce((a, b) => (b.seq > a.seq ? b : a)) : null,
  };
}

/**
 * Connects the idle phones from `procs` child processes: every child holds a share of every
 * server's phones, over its own loopback source addresses.
 */
export async function startIdleFleet(o: IdleFleetOptions): Promise<IdleFleet> {
  const children = forkIdleChildren(o.procs);
  const progress = children.map(() => ({ connected: 0, failed: 0 }));
  const report = () =>
    o.onProgress?.(
      progress.reduce((s, p) => s + p.connected, 0),
      progress.reduce((s, p) => s + p.failed, 0),
    );
  const done = children.map((child, k) => {
    const reply = next(child, "connected", (m) => {
      if (m.type === "progress") {
        progress[k] = { connected: m.connected, failed: m.failed };
        report();
      }
    });
    request(child, { type: "connect", targets: targetsOf(o, k), concurrency: o.concurrency ?? 64 });
    return reply;
  });
  const results = await Promise.all(done);
  return {
    connected: results.reduce((s, r) => s + r.connected, 0),
    failed: results.reduce((s, r) => s + r.failed, 0),
    errors: results.flatMap((r) => r.errors).slice(0, 5),
    async report() {
      const replies = await Promise.all(children.map(askReport));
      return {
        connected: replies.reduce((s, r) => s + r.connected, 0),
        dropped: replies.reduce((s, r) => s + r.dropped, 0),
        fanOut: fanOut(
          replies.map((r) => r.pushes),
          replies.reduce((s, r) => s + r.frames, 0),
        ),
      };
    },
    async closeSome(n: number) {
      await Promise.all(children.slice(0, n).map(closeChild));
      const left = await Promise.all(children.filter((c) => c.exitCode === null).map(askReport));
      return left.reduce((s, r) => s + r.connected, 0);
    },
    async close() {
      await Promise.all(children.map(closeChild));
    },
  };
}

/** The children holding idle phones, each at a lower priority than the servers under test. */
function forkIdleChildren(procs: number): ChildProcess[] {
  const entry = new URL("./idle-child.js", import.meta.url);
  return Array.from({ length: procs }, () => {
    const child = fork(entry, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    // The idle phones stand for devices of their own: reading their frames on the servers'
    // cores should not slow the servers under test, so they yield to them.
    if (child.pid !== undefined) setPriority(child.pid, IDLE_NICE);
    return child;
  });
}

/** Child k's share of every server's phones, each server from its own source address. */
function targetsOf(o: IdleFleetOptions, k: number): IdleTarget[] {
  return o.servers.map((s, j) => ({
    url: s.url,
    count: Math.floor(s.phones / o.procs) + (k < s.phones % o.procs ? 1 : 0),
    idPrefix: `${o.idPrefix}s${j}p${k}n`,
    localAddress: SOURCE_ADDRESSES[(k * o.servers.length + j) % SOURCE_ADDRESSES.length]!,
  }));
}

/** What one child holds and the pushes it saw. */
function askReport(c: ChildProcess) {
  const r = next(c, "report");
  request(c, { type: "report" });
  return r;
}

async function closeChild(c: ChildProcess): Promise<void> {
  if (c.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => c.once("exit", () => resolve()));
  request(c, { type: "close" });
  const timer = setTimeout(() => c.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
