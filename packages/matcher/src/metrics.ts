import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { FlowMetrics } from "./flow/matching.js";
import { BytesOut } from "./http/bytes-out.js";
import type { FanOutMetrics } from "./socket/push-fan-out.js";
import type { Role, StorageFigures } from "./store/common/types.js";

/** The matcher's Prometheus metrics, on a registry of its own (several matchers may share a process). */
export class Metrics implements FlowMetrics {
  readonly registry = new Registry();

  readonly uploads = new Counter({
    name: "tracebed_uploads_total",
    help: "Uploads answered, by kind and outcome (stored, replayed, refused)",
    labelNames: ["kind", "outcome"] as const,
    registers: [this.registry],
  });
  readonly notifications = new Counter({
    name: "tracebed_notifications_total",
    help: "F1/F2 notifications sent (an F2 later found F1 is notified again)",
    labelNames: ["role"] as const,
    registers: [this.registry],
  });
  readonly keyPushes = new Counter({
    name: "tracebed_key_pushes_total",
    help: "Key pushes of index persons, by role",
    labelNames: ["role"] as const,
    registers: [this.registry],
  });
  readonly pushFrames = new Counter({
    name: "tracebed_push_frames_total",
    help: "Key-push frames written to a shard of this process's phones",
    registers: [this.registry],
  });
  readonly pushesPerFrame = new Histogram({
    name: "tracebed_push_frame_pushes",
    help: "Key pushes carried by one frame (pushes due during a fan-out share frames)",
    buckets: [1, 2, 4, 8, 16, 32, 64, 100],
    registers: [this.registry],
  });
  readonly pushFanOut = new Histogram({
    name: "tracebed_push_fan_out_seconds",
    help: "A key push handed to this process → written to every phone it holds",
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly fanOut: FanOutMetrics = {
    frame: (pushes) => {
      this.pushFrames.inc();
      this.pushesPerFrame.observe(pushes);
    },
    delivered: (seconds) => this.pushFanOut.observe(seconds),
  };
  readonly phonesRegistered = new Counter({
    name: "tracebed_phones_registered_total",
    help: "Phones registered (POST /v1/phones)",
    registers: [this.registry],
  });
  readonly f0Codes = new Counter({
    name: "tracebed_f0_codes_total",
    help: "F0 codes issued, redeemed and refused",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  readonly decisions = new Histogram({
    name: "tracebed_decide_duration_seconds",
    help: "Time to decide one (index, candidate) pair with the protocol's decide",
    labelNames: ["contact"] as const,
    buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly connectedPhones = new Gauge({
    name: "tracebed_phones_connected",
    help: "Phones connected to this process's push channel",
    registers: [this.registry],
  });
  readonly liveViewers = new Gauge({
    name: "tracebed_live_viewers",
    help: "Viewers connected to this process's /live namespace",
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: "tracebed_http_request_duration_seconds",
    help: "HTTP request durations by method, route and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: "tracebed_rate_limited_total",
    help: "Requests and events refused by a rate limit, by scope (ip, phone, socket)",
    labelNames: ["scope"] as const,
    registers: [this.registry],
  });
  readonly journalFlushes = new Histogram({
    name: "tracebed_journal_flush_duration_seconds",
    help: "Write + fsync of one group commit of the memory store's journal",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly journalBatch = new Histogram({
    name: "tracebed_journal_batch_records",
    help: "Records made durable by one fsync (group commit)",
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    registers: [this.registry],
  });

  readonly compactions = new Counter({
    name: "tracebed_compactions_total",
    help: "Memory store compactions (a snapshot and a new journal), by outcome (ok, failed)",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  readonly compactionDuration = new Histogram({
    name: "tracebed_compaction_duration_seconds",
    help: "One memory store compaction, from the new journal to the old files removed",
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  /** Bytes written to clients, read at each scrape (`tracebed compare`'s bytes out). */
  readonly bytesOut = new BytesOut();
  private bytesOutReported = 0;
  readonly bytesOutTotal: Counter = new Counter({
    name: "tracebed_bytes_out_total",
    help: "Bytes this process wrote to its clients over TCP (HTTP responses and websocket frames, headers included)",
    registers: [this.registry],
    collect: () => {
      const total = this.bytesOut.total();
      this.bytesOutTotal.inc(total - this.bytesOutReported);
      this.bytesOutReported = total;
    },
  });
  private storage: (() => StorageFigures) | null = null;
  readonly snapshotBytes: Gauge = new Gauge({
    name: "tracebed_snapshot_bytes",
    help: "Size of the memory store's newest snapshot (0: none yet)",
    registers: [this.registry],
    collect: () => {
      const s = this.storage?.();
      if (s !== undefined) this.snapshotBytes.set(s.snapshotBytes);
    },
  });
  readonly journalBytes: Gauge = new Gauge({
    name: "tracebed_journal_bytes",
    help: "Memory store journal bytes written since its newest snapshot (compaction bounds them)",
    registers: [this.registry],
    collect: () => {
      const s = this.storage?.();
      if (s !== undefined) this.journalBytes.set(s.journalBytes);
    },
  });

  constructor(defaultMetrics: boolean) {
    if (defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: "tracebed_" });
  }

  /** The memory store's snapshot and journal sizes, read at each scrape. */
  observeStorage(figures: () => StorageFigures): void {
    this.storage = figures;
  }

  decided(seconds: number, contact: boolean): void {
    this.decisions.observe({ contact: String(contact) }, seconds);
  }

  notified(role: Role): void {
    this.notifications.inc({ role });
  }

  pushed(role: "F0" | "F1"): void {
    this.keyPushes.inc({ role });
  }
}
