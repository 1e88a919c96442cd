// One design's run in `tracebed compare`: its server as a child process, the fleet's phones
// behaving as that design's phones, and what the run cost and taught the server.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LoadSummary, runLoad, type SetComparison } from "@tracebed/fleet";
import type { PhoneCrypto, PrivacyCounts } from "@tracebed/matcher";
import type { SimConfig } from "@tracebed/sim";
import { cpuSeconds, round } from "../bench/measure.js";
import { startServe } from "../bench/processes.js";
import type { CompareDesign } from "./designs.js";

/** F1 or F2 of one design: notified against its own oracle, and against the truth. */
export interface DesignSet {
  /** The design's oracle: who its rule must notify on this outbreak. */
  expected: number;
  notified: number;
  /** Notified and true ÷ true (every true F1/F2, app or not); null without a true one. */
  recall: number | null;
  /** Notified and true ÷ notified; null when none was notified. */
  precision: number | null;
  missing: number;
  extra: number;
}

export interface DesignResult {
  design: string;
  phones: number;
  f0: number;
  f1: DesignSet;
  f2: DesignSet;
  /** Each F1 notification: its F0's confirmation → the phone notified, ms. */
  latencyMs: { p50: number; p99: number };
  /** CPU seconds of the server process during the run (user + system). */
  serverCpuSeconds: number;
  /** Bytes the server wrote to clients (HTTP and websockets), and that ÷ phones in the run. */
  bytesOut: { server: number; perPhone: number };
  /** Bytes of the server's data directory when it stopped (snapshot and journal). */
  storageBytes: number;
  privacy: PrivacyCounts;
  /** Crypto each phone did to learn whether it was exposed, counted from the store. */
  phoneCrypto: PhoneCrypto;
  /**
   * The same readings once every phone had registered and connected, before the first F0:
   * what the phones cost before any case (the rest is the outbreak's).
   */
  beforeF0: { serverCpuSeconds: number; bytesOut: number; storageBytes: number };
  errors: string[];
  seconds: number;
}

export interface DesignRunOptions {
  config: SimConfig;
  /** `--scenario` of the server: the same calibration as the phones. */
  scenario: string;
  haToken: string;
  f0Rate: number;
  log: (line: string) => void;
}

function designSet(c: SetComparison): DesignSet {
  return {
    expected: c.expected,
    notified: c.notified,
    recall: c.truth?.recall ?? null,
    precision: c.truth?.precision ?? null,
    missing: c.missing,
    extra: c.extra,
  };
}

/** Bytes of every file under a directory. */
function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    n += e.isDirectory() ? dirBytes(path) : statSync(path).size;
  }
  return n;
}

/** The server's `tracebed_bytes_out_total`, as its /metrics says it now. */
async function bytesOut(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith("tracebed_bytes_out_total "));
  if (line === undefined) throw new Error(`${url}/metrics has no tracebed_bytes_out_total`);
  return Number(line.split(" ")[1]);
}

export async function runDesign(d: CompareDesign, o: DesignRunOptions): Promise<DesignResult> {
  const dataDir = mkdtempSync(join(tmpdir(), `tracebed-compare-${d.name}-`));
  try {
    const server = await startServe({
      store: "memory",
      haToken: o.haToken,
      scenario: o.scenario,
      dataDir,
      args: d.serveArgs,
    });
    let summary: LoadSummary;
    let cpu: number;
    let bytes: number;
    const beforeF0 = { serverCpuSeconds: 0, bytesOut: 0, storageBytes: 0 };
    try {
      const cpu0 = cpuSeconds(server.pid);
      ({ summary } = await runLoad({
        config: o.config,
        urls: [server.url],
        haToken: o.haToken,
        f0Rate: o.f0Rate,
        procs: 1,
        ...d.load,
        beforeF0: async () => {
          beforeF0.serverCpuSeconds = round(cpuSeconds(server.pid) - cpu0, 2);
          beforeF0.bytesOut = await bytesOut(server.url);
          beforeF0.storageBytes = dirBytes(dataDir);
        },
        onEvent: (e) => {
          if (e.type === "ready") o.log(`${d.name}: ${e.phones} phones connected`);
          if (e.type === "error") o.log(`${d.name}: ${e.message}`);
        },
      }));
      cpu = cpuSeconds(server.pid) - cpu0;
      bytes = await bytesOut(server.url);
    } finally {
      await server.stop();
    }
    const storageBytes = dirBytes(dataDir);
    const { privacy, phoneCrypto } = await d.counts(dataDir);
    return {
      design: d.name,
      phones: summary.phones,
      f0: summary.f0,
      f1: designSet(summary.f1),
      f2: designSet(summary.f2),
      latencyMs: { p50: summary.latencyMs.notifyP50, p99: summary.latencyMs.notifyP99 },
      serverCpuSeconds: round(cpu, 2),
      bytesOut: {
        server: bytes,
        perPhone: summary.phones === 0 ? 0 : Math.round(bytes / summary.phones),
      },
      storageBytes,
      privacy,
      phoneCrypto,
      beforeF0,
      errors: summary.errors,
      seconds: summary.seconds,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
