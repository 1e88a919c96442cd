/*
 * `tracebed bench`: the simulator's benchmark, then the matcher on its embedded store (one
 * `serve` process) and on Redis (several `serve` processes on one redis-server), each holding
 * as many idle phones as the measurement asks while the fleet replays an outbreak through it;
 * then a capacity plan from the measured figures. Servers, idle phones and the fleet are
 * separate processes; nothing here is a constant result, only sizes of the workload.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { type LoadSummary, runLoad } from "@tracebed/fleet";
import type { Stats } from "@tracebed/protocol";
import { configFromScenario, type RunOptions } from "@tracebed/sim";
import { benchSim, loadScenarioFile, machine } from "@tracebed/sim/node";
import { type IdleFleet, type PushFanOut, startIdleFleet } from "./idle-fleet.js";
import { capacityPlan, type PlanMeasured, VIETNAM_ASSUMPTIONS } from "./plan.js";
import {
  openFileLimit,
  type RedisInfo,
  type RedisProcess,
  type ServeProcess,
  startRedis,
  startServe,
} from "./processes.js";
import { pushProbe, type UploadBurstResult, uploadBurst } from "./uploads.js";

const SCENARIO = "hung-yen-2020-08-18";

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

export function workloads(quick: boolean): { memory: StoreWorkload; redis: StoreWorkload } {
  const outbreak = quick
    ? { agents: 600, days: 3, adoption: 0.6, f0: 2, f0Rate: 5, ble: "ideal" as const }
    : {
        agents: 2_000,
        days: 5,
        adoption: 0.6,
        f0: 5,
        // The plan's national rate: every process fans out every push, as it would nationally.
        f0Rate: VIETNAM_ASSUMPTIONS.f0PerDay / 86_400,
        ble: "ideal" as const,
      };
  const uploads = quick
    ? { seconds: 1.5, concurrency: 16, entries: 20 }
    : { seconds: 10, concurrency: 64, entries: 20 };
  const limit = openFileLimit() ?? 20_000;
  // Each server holds its idle phones, the fleet's share and a few files of its own.
  const idle = quick ? 150 : Math.min(17_500, limit - 2_400);
  return {
    memory: {
      servers: 1,
      idlePerServer: idle,
      warmupPerServer: quick ? 10 : 100,
      clientProcesses: quick ? 1 : Math.max(2, Math.ceil(idle / 12_000)),
      settleMs: quick ? 300 : 10_000,
      probeWaitMs: quick ? 500 : 3_000,
      outbreak,
      uploads,
    },
    redis: {
      servers: 2,
      idlePerServer: idle,
      warmupPerServer: quick ? 10 : 100,
      clientProcesses: quick ? 1 : Math.max(2, Math.ceil((2 * idle) / 12_000)),
      settleMs: quick ? 300 : 10_000,
      probeWaitMs: quick ? 500 : 3_000,
      outbreak,
      uploads,
    },
  };
}

/** CPU seconds a process has used (Linux: utime + stime of /proc/PID/stat, at 100 ticks/s). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) / 100;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

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

const delta = (a: RedisInfo, b: RedisInfo) => ({
  commands: b.commands - a.commands,
  bytes: b.netInputBytes + b.netOutputBytes - (a.netInputBytes + a.netOutputBytes),
});

function latencyOf(s: LoadSummary): StoreResult["latencyMs"] {
  const l = s.latencyMs;
  return {
    notifyP50: l.lastF1P50,
    notifyP99: l.lastF1P99,
    eachF1P50: l.notifyP50,
    eachF1P99: l.notifyP99,
    lastF2P50: l.lastF2P50,
    lastF2P99: l.lastF2P99,
  };
}

async function connectedPhones(url: string): Promise<number> {
  const r = await fetch(`${url}/v1/stats`);
  const s = (await r.json()) as Stats;
  return s.phones.connected;
}

/** One replay of the outbreak by the fleet (in this process) against the running servers. */
async function replayOutbreak(
  store: string,
  o: StoreWorkload["outbreak"],
  servers: ServeProcess[],
  redis: RedisProcess | null,
  haToken: string,
  log: (line: string) => void,
) {
  const urls = servers.map((x) => x.url);
  const options: RunOptions = {
    seed: 1,
    agents: o.agents,
    days: o.days,
    adoption: { kind: "uniform", share: o.adoption },
    f0: o.f0,
    f0From: "appUsers",
    ble: o.ble,
  };
  const cpu0 = sum(servers.map((x) => cpuSeconds(x.pid)));
  const redisCpu0 = redis ? cpuSeconds(redis.pid) : 0;
  const info0 = redis ? await redis.info() : null;
  let held: Promise<number> = Promise.resolve(0);
  log(
    `${store}: outbreak: ${o.agents} agents × ${o.days} days, adoption ${o.adoption}, ${o.f0} F0 at ${round(o.f0Rate, 4)}/s`,
  );
  const { summary } = await runLoad({
    config: configFromScenario(loadScenarioFile(SCENARIO), options),
    urls,
    haToken,
    f0Rate: o.f0Rate,
    procs: 1,
    quietMs: 2_000,
    timeoutMs: 300_000,
    onEvent: (e) => {
      // The servers' own count of phones, once the fleet's are connected too.
      if (e.type === "ready") {
        held = sleep(500).then(async () =>
          store === "redis"
            ? connectedPhones(urls[0]!)
            : sum(await Promise.all(urls.map(connectedPhones))),
        );
      }
    },
  });
  const serverCpuSeconds = sum(servers.map((x) => cpuSeconds(x.pid))) - cpu0;
  const info1 = redis ? await redis.info() : null;
  const connections = await held;
  const s = summary;
  log(
    `${store}: outbreak: ${s.f0} F0, F1 ${s.f1.notified}/${s.f1.expected}, F2 ${s.f2.notified}/${s.f2.expected}, last F1 p50 ${s.latencyMs.lastF1P50} ms p99 ${s.latencyMs.lastF1P99} ms, last F2 p50 ${s.latencyMs.lastF2P50 ?? "–"} ms p99 ${s.latencyMs.lastF2P99 ?? "–"} ms, ${connections} phones held`,
  );
  return {
    load: summary,
    connections,
    serverCpuSeconds,
    redis:
      redis && info0 && info1
        ? { ...delta(info0, info1), cpuSeconds: round(cpuSeconds(redis.pid) - redisCpu0, 2) }
        : null,
  };
}

export async function benchStore(
  store: "memory" | "redis",
  w: StoreWorkload,
  haToken: string,
  runId: string,
  log: (line: string) => void,
): Promise<StoreResult> {
  const servers: ServeProcess[] = [];
  const fleets: IdleFleet[] = [];
  let redis: RedisProcess | null = null;
  try {
    if (store === "redis") {
      redis = await startRedis();
      log(`${store}: redis-server ${redis.version} on ${redis.url} (appendfsync always)`);
    }
    for (let i = 0; i < w.servers; i++) {
      servers.push(
        await startServe({ store: redis ? redis.url : "memory", haToken, scenario: SCENARIO }),
      );
    }
    const urls = servers.map((s) => s.url);
    log(`${store}: ${w.servers} serve process(es): ${urls.join(", ")}`);

    // Warm-up phones, then the memory baseline, then the idle phones.
    const warmup = await startIdleFleet({
      servers: urls.map((url) => ({ url, phones: w.warmupPerServer })),
      procs: 1,
      idPrefix: `${runId}${store[0]}w`,
    });
    fleets.push(warmup);
    await sleep(Math.min(1_000, w.settleMs));
    const rssBefore = servers.map((s) => s.rss());
    let lastLog = 0;
    const requested = w.idlePerServer * w.servers;
    const t0 = performance.now();
    const idle = await startIdleFleet({
      servers: urls.map((url) => ({ url, phones: w.idlePerServer })),
      procs: w.clientProcesses,
      idPrefix: `${runId}${store[0]}i`,
      onProgress: (connected, failed) => {
        if (Date.now() - lastLog < 2_000) return;
        lastLog = Date.now();
        log(
          `${store}: ${connected.toLocaleString("en-US")}/${requested.toLocaleString("en-US")} idle phones connected${failed ? `, ${failed} failed` : ""}`,
        );
      },
    });
    fleets.push(idle);
    const connectSeconds = (performance.now() - t0) / 1000;
    log(
      `${store}: ${idle.connected} idle phones connected in ${connectSeconds.toFixed(1)} s${idle.failed ? ` (${idle.failed} failed: ${idle.errors[0]})` : ""}`,
    );
    await sleep(w.settleMs);
    const rssAfter = servers.map((s) => s.rss());
    const bytesPerConnection = (sum(rssAfter) - sum(rssBefore)) / Math.max(1, idle.connected);

    // The outbreak, replayed by the fleet while the idle phones are held.
    const held = await replayOutbreak(store, w.outbreak, servers, redis, haToken, log);
    const s = held.load;
    const connections = held.connections;
    // One full-size push (14 keys) to every phone held, for the fan-out figures: the servers'
    // CPU time per frame delivered.
    const probeCpu0 = sum(servers.map((x) => cpuSeconds(x.pid)));
    await pushProbe(urls[0]!, haToken, `${runId}${store[0]}probe`);
    await sleep(w.probeWaitMs);
    const probeCpu = sum(servers.map((x) => cpuSeconds(x.pid))) - probeCpu0;
    const idleReport = await idle.report();
    const probe = idleReport.fanOut.latest;
    log(
      `${store}: push fan-out: ${idleReport.fanOut.frameBytes} B frames, ${idleReport.fanOut.framesPerSecondP50} frames/s (median push)`,
    );

    log(
      `${store}: upload burst: ${w.uploads.concurrency} phones in flight for ${w.uploads.seconds} s`,
    );
    const info1 = redis ? await redis.info() : null;
    const uploads = await uploadBurst({
      urls,
      haToken,
      seconds: w.uploads.seconds,
      concurrency: w.uploads.concurrency,
      entries: w.uploads.entries,
      idPrefix: `${runId}${store[0]}u`,
    });
    const info2 = redis ? await redis.info() : null;
    log(`${store}: ${uploads.uploadsPerSecond} uploads acknowledged/s`);

    // The same outbreak again with about half the idle phones, then with none: what holding
    // them costs in latency.
    const idleCount = idle.connected;
    const point = (r: Awaited<ReturnType<typeof replayOutbreak>>) => ({
      connections: r.connections,
      notifyP50: r.load.latencyMs.lastF1P50,
      notifyP99: r.load.latencyMs.lastF1P99,
      serverCpuSeconds: round(r.serverCpuSeconds, 2),
    });
    const curve = [point(held)];
    const half = Math.floor(w.clientProcesses / 2);
    if (half > 0 && w.clientProcesses > 1) {
      await idle.closeSome(half);
      await sleep(w.probeWaitMs);
      log(`${store}: the outbreak again, with fewer idle phones`);
      curve.push(point(await replayOutbreak(store, w.outbreak, servers, redis, haToken, log)));
    }
    for (const f of fleets.splice(0).reverse()) await f.close();
    await sleep(w.probeWaitMs);
    log(`${store}: the outbreak again, without the idle phones`);
    const bare = await replayOutbreak(store, w.outbreak, servers, redis, haToken, log);
    curve.push(point(bare));

    const warm = w.warmupPerServer * w.servers;
    return {
      store,
      processes: w.servers,
      connections,
      connectionsPerProcess: Math.round(connections / w.servers),
      bytesPerConnection: Math.round(bytesPerConnection),
      uploadsPerSecond: uploads.uploadsPerSecond,
      latencyMs: latencyOf(s),
      f0: s.f0,
      phones: s.phones,
      idle: {
        requested: requested + warm,
        connected: idle.connected + warmup.connected,
        failed: idle.failed + warmup.failed,
        dropped: idleReport.dropped,
        clientProcesses: w.clientProcesses,
        connectSeconds: round(connectSeconds, 1),
        errors: idle.errors,
      },
      memory: { rssBeforeBytes: rssBefore, rssAfterBytes: rssAfter, phonesAdded: idleCount },
      outbreak: {
        scenario: SCENARIO,
        workload: w.outbreak,
        phones: s.phones,
        f0: s.f0,
        f1: s.f1,
        f2: s.f2,
        uploads: s.uploads,
        seconds: round(s.seconds, 1),
        serverCpuSeconds: round(held.serverCpuSeconds, 2),
        errors: s.errors,
      },
      latencyByPhonesHeld: curve,
      withoutIdlePhones: {
        connections: bare.connections,
        latencyMs: latencyOf(bare.load),
        f1: bare.load.f1,
        serverCpuSeconds: round(bare.serverCpuSeconds, 2),
      },
      fanOut: {
        ...idleReport.fanOut,
        probe: {
          frameBytes: probe?.frameBytes ?? 0,
          delivered: probe?.count ?? 0,
          spreadMs: probe ? probe.last - probe.first : 0,
          serverCpuSeconds: round(probeCpu, 2),
          framesPerServerCpuSecond: probeCpu > 0 ? Math.round((probe?.count ?? 0) / probeCpu) : 0,
        },
      },
      uploads,
      ...(redis && held.redis && info1 && info2
        ? {
            redis: {
              version: redis.version,
              appendfsync: "always" as const,
              outbreak: held.redis,
              uploads: delta(info1, info2),
            },
          }
        : {}),
    };
  } finally {
    for (const f of fleets.reverse()) await f.close().catch(() => {});
    for (const s of servers) await s.stop().catch(() => {});
    await redis?.stop().catch(() => {});
  }
}

function planInputs(mem: StoreResult, red: StoreResult): PlanMeasured {
  const f0 = Math.max(1, red.f0);
  return {
    connectionsPerProcess: mem.connectionsPerProcess,
    bytesPerConnection: mem.bytesPerConnection,
    phonesPerMachine: red.connections,
    processesPerMachine: red.processes,
    cpusPerMachine: availableParallelism(),
    uploadsPerSecondPerProcess: mem.uploadsPerSecond,
    uploadsPerF0: red.outbreak.uploads.acknowledged / f0,
    pushesPerF0: (red.f0 + red.outbreak.f1.notified) / f0,
    // Without idle phones, so that the push fan-out (counted apart) is not in it twice.
    serverCpuSecondsPerF0: red.withoutIdlePhones.serverCpuSeconds / f0,
    redisCommandsPerF0: (red.redis?.outbreak.commands ?? 0) / f0,
    redisBytesPerF0: (red.redis?.outbreak.bytes ?? 0) / f0,
    redisCpuSecondsPerF0: (red.redis?.outbreak.cpuSeconds ?? 0) / f0,
    redisProcesses: red.processes,
    pushFrameBytes: mem.fanOut.probe.frameBytes,
    pushFramesPerSecondPerProcess: mem.fanOut.probe.framesPerServerCpuSecond,
    pushesPerFrame: red.fanOut.pushesPerFrame,
  };
}

/** Reach targets of issue 5, checked against what was measured. */
function targets(mem: StoreResult, red: StoreResult) {
  const worstP99 = Math.max(mem.latencyMs.notifyP99, red.latencyMs.notifyP99);
  const worstBytes = Math.max(mem.bytesPerConnection, red.bytesPerConnection);
  return {
    memoryPhones: { target: 18_000, measured: mem.connections, met: mem.connections >= 18_000 },
    redisPhones: { target: 36_000, measured: red.connections, met: red.connections >= 36_000 },
    notifyP99Ms: { target: 2_000, measured: worstP99, met: worstP99 <= 2_000 },
    bytesPerConnection: { target: 32 * 1024, measured: worstBytes, met: worstBytes <= 32 * 1024 },
  };
}

export interface BenchDocument {
  benchmark: string;
  quick: boolean;
  startedAt: string;
  seconds: number;
  machine: ReturnType<typeof machine> & { openFiles: number | null; ephemeralPorts: string | null };
  sim: Awaited<ReturnType<typeof benchSim>>;
  matcher: {
    memory: StoreResult;
    redis: StoreResult;
    /** memory ÷ redis, figure by figure. */
    memoryToRedis: Record<string, number>;
  };
  plan: ReturnType<typeof capacityPlan>;
  targets: ReturnType<typeof targets>;
}

function portRange(): string | null {
  try {
    return readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8")
      .trim()
      .replace(/\s+/, "-");
  } catch {
    return null;
  }
}

export async function runBench(
  quick: boolean,
  log: (line: string) => void,
): Promise<BenchDocument> {
  const started = Date.now();
  const runId = `b${randomBytes(3).toString("hex")}`;
  const haToken = `bench-${randomBytes(12).toString("hex")}`;
  const w = workloads(quick);
  log(`sim: ${quick ? "quick" : "full"} cases`);
  const sim = await benchSim(quick, (line) => log(`sim: ${line}`));
  const memory = await benchStore("memory", w.memory, haToken, runId, log);
  const redis = await benchStore("redis", w.redis, haToken, runId, log);
  const ratio = (a: number, b: number) => (b === 0 ? 0 : round(a / b, 2));
  return {
    benchmark: "tracebed bench",
    quick,
    startedAt: new Date(started).toISOString(),
    seconds: round((Date.now() - started) / 1000, 1),
    machine: { ...machine(), openFiles: openFileLimit(), ephemeralPorts: portRange() },
    sim,
    matcher: {
      memory,
      redis,
      memoryToRedis: {
        uploadsPerSecond: ratio(memory.uploadsPerSecond, redis.uploadsPerSecond),
        connectionsPerProcess: ratio(memory.connectionsPerProcess, redis.connectionsPerProcess),
        bytesPerConnection: ratio(memory.bytesPerConnection, redis.bytesPerConnection),
        notifyP50: ratio(memory.latencyMs.notifyP50, redis.latencyMs.notifyP50),
        notifyP99: ratio(memory.latencyMs.notifyP99, redis.latencyMs.notifyP99),
        serverCpuSecondsPerF0: ratio(
          memory.outbreak.serverCpuSeconds / Math.max(1, memory.f0),
          redis.outbreak.serverCpuSeconds / Math.max(1, redis.f0),
        ),
      },
    },
    plan: capacityPlan(VIETNAM_ASSUMPTIONS, planInputs(memory, redis)),
    targets: targets(memory, redis),
  };
}
