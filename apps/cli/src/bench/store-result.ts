// What one store's measurement is asked to do (sizes only) and what it reports.
import type { PushFanOut } from "./idle-fleet.js";
import type { UploadBurstResult } from "./uploads.js";

/** The workload of one store's measurement (sizes only: every result is measured). */
export interface StoreWorkload {
  servers: number;
  /** Idle phones held per server process, after the warm-up ones. */
  idlePerServer: number;
  /** Phones connected before the memory baseline (loads Socket.IO's lazy parts). */
  warmupPerServer: number;
  /** Processes holding the idle phones (each may hold 20,000 open files). */
  clientProcesses: number;
  /** Let the connections settle (and a ping or so) before reading memory. */
  settleMs: number;
  /** After the full-size push: time for it to reach every idle phone. */
  probeWaitMs: number;
  outbreak: {
    agents: number;
    days: number;
    adoption: number;
    f0: number;
    f0Rate: number;
    ble: "ideal" | "realistic";
  };
  uploads: { seconds: number; concurrency: number; entries: number };
}

export interface StoreResult {
  store: "memory" | "redis";
  processes: number;
  /** Phones held at once while the outbreak ran: the servers' own count. */
  connections: number;
  connectionsPerProcess: number;
  /** Server resident memory growth per idle phone, summed over the server processes. */
  bytesPerConnection: number;
  /** Small uploads acknowledged (durable) per second. */
  uploadsPerSecond: number;
  /**
   * F0 confirmed → the last of its F1 notified (per F0); each F1's own; and → the last F2
   * found through its F1 (per F0; null if none could be tied to its F0).
   */
  latencyMs: {
    notifyP50: number;
    notifyP99: number;
    eachF1P50: number;
    eachF1P99: number;
    lastF2P50: number | null;
    lastF2P99: number | null;
  };
  f0: number;
  phones: number;
  idle: {
    requested: number;
    connected: number;
    failed: number;
    dropped: number;
    clientProcesses: number;
    connectSeconds: number;
    errors: string[];
  };
  memory: { rssBeforeBytes: number[]; rssAfterBytes: number[]; phonesAdded: number };
  outbreak: {
    scenario: string;
    workload: StoreWorkload["outbreak"];
    phones: number;
    f0: number;
    f1: { expected: number; notified: number; missing: number; extra: number };
    f2: { expected: number; notified: number; missing: number; extra: number };
    uploads: { sent: number; acknowledged: number };
    seconds: number;
    serverCpuSeconds: number;
    errors: string[];
  };
  /** Key pushes as the idle phones saw them; `probe`: one 14-key push to every phone held. */
  /** F0 confirmed → last F1 notified (per F0) against the phones held: all, about half, none. */
  latencyByPhonesHeld: {
    connections: number;
    notifyP50: number;
    notifyP99: number;
    serverCpuSeconds: number;
  }[];
  /** The same outbreak with only the fleet's phones connected. */
  withoutIdlePhones: {
    connections: number;
    latencyMs: StoreResult["latencyMs"];
    f1: StoreResult["outbreak"]["f1"];
    serverCpuSeconds: number;
  };
  fanOut: PushFanOut & {
    probe: {
      frameBytes: number;
      delivered: number;
      spreadMs: number;
      serverCpuSeconds: number;
      framesPerServerCpuSecond: number;
    };
  };
  uploads: UploadBurstResult;
  redis?: {
    version: string;
    appendfsync: "always";
    outbreak: { commands: number; bytes: number; cpuSeconds: number };
    uploads: { commands: number; bytes: number };
  };
}
