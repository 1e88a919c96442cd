/*
 * One store's measurement: its servers (and redis-server) started, idle phones held (memory per
 * phone), the outbreak replayed while they are held (latency, uploads per F0, CPU), a full-size
 * push to every phone (fan-out), an upload burst (uploads/s), then the outbreak again with fewer
 * and with no idle phones (what holding them costs). Each step is a function below.
 */
import { type IdleFleet, startIdleFleet } from "./idle-fleet.js";
import { cpuSecondsOf, redisDelta, round, sleep, sum } from "./measure.js";
import {
  type RedisInfo,
  type RedisProcess,
  type ServeProcess,
  startRedis,
  startServe,
} from "./processes.js";
import { latencyOf, type Replay, replayOutbreak, SCENARIO } from "./replay.js";
import type { StoreResult, StoreWorkload } from "./store-result.js";
import { pushProbe, type UploadBurstResult, uploadBurst } from "./uploads.js";

type Store = StoreResult["store"];
type Log = (line: string) => void;
type IdleFleetReport = Awaited<ReturnType<IdleFleet["report"]>>;

/** The processes one measurement started, stopped at its end whatever happened. */
interface Rig {
  store: Store;
  servers: ServeProcess[];
  fleets: IdleFleet[];
  redis: RedisProcess | null;
  haToken: string;
  log: Log;
}

const urlsOf = (rig: Rig) => rig.servers.map((s) => s.url);
const serverCpu = (rig: Rig) => cpuSecondsOf(rig.servers.map((s) => s.pid));
const replay = (rig: Rig, w: StoreWorkload) =>
  replayOutbreak(rig.store, w.outbreak, rig.servers, rig.redis, rig.haToken, rig.log);

export async function benchStore(
  store: Store,
  w: StoreWorkload,
  haToken: string,
  runId: string,
  log: Log,
): Promise<StoreResult> {
  const rig: Rig = { store, servers: [], fleets: [], redis: null, haToken, log };
  try {
    await startServers(rig, w);
    const phones = await holdIdlePhones(rig, w, runId);
    // The outbreak, replayed by the fleet while the idle phones are held.
    const held = await replay(rig, w);
    const probe = await probeFanOut(rig, w, phones.idle, runId);
    const burst = await measureUploads(rig, w, runId);
    const curve = await latencyByPhonesHeld(rig, w, phones.idle, held);
    return storeResult(rig, w, { phones, held, probe, burst, curve });
  } finally {
    for (const f of rig.fleets.reverse()) await f.close().catch(() => {});
    for (const s of rig.servers) await s.stop().catch(() => {});
    await rig.redis?.stop().catch(() => {});
  }
}

/** redis-server for the Redis store, then the `serve` processes. */
async function startServers(rig: Rig, w: StoreWorkload): Promise<void> {
  if (rig.store === "redis") {
    rig.redis = await startRedis();
    rig.log(
      `${rig.store}: redis-server ${rig.redis.version} on ${rig.redis.url} (appendfsync always)`,
    );
  }
  for (let i = 0; i < w.servers; i++) {
    rig.servers.push(
      await startServe({
        store: rig.redis ? rig.redis.url : "memory",
        haToken: rig.haToken,
        scenario: SCENARIO,
      }),
    );
  }
  rig.log(`${rig.store}: ${w.servers} serve process(es): ${urlsOf(rig).join(", ")}`);
}

/** Warm-up phones, then the memory baseline, then the idle phones and memory again. */
async function holdIdlePhones(rig: Rig, w: StoreWorkload, runId: string) {
  const { store, servers, log } = rig;
  const urls = urlsOf(rig);
  const warmup = await startIdleFleet({
    servers: urls.map((url) => ({ url, phones: w.warmupPerServer })),
    procs: 1,
    idPrefix: `${runId}${store[0]}w`,
  });
  rig.fleets.push(warmup);
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
  rig.fleets.push(idle);
  const connectSeconds = (performance.now() - t0) / 1000;
  log(
    `${store}: ${idle.connected} idle phones connected in ${connectSeconds.toFixed(1)} s${idle.failed ? ` (${idle.failed} failed: ${idle.errors[0]})` : ""}`,
  );
  await sleep(w.settleMs);
  const rssAfter = servers.map((s) => s.rss());
  return { warmup, idle, requested, connectSeconds, rssBefore, rssAfter };
}

/**
 * One full-size push (14 keys) to every phone held, for the fan-out figures: the servers' CPU
 * time per frame delivered; with the idle phones' report of every push they saw.
 */
async function probeFanOut(rig: Rig, w: StoreWorkload, idle: IdleFleet, runId: string) {
  const cpu0 = serverCpu(rig);
  await pushProbe(urlsOf(rig)[0]!, rig.haToken, `${runId}${rig.store[0]}probe`);
  await sleep(w.probeWaitMs);
  const cpuSeconds = serverCpu(rig) - cpu0;
  const report = await idle.report();
  rig.log(
    `${rig.store}: push fan-out: ${report.fanOut.frameBytes} B frames, ${report.fanOut.framesPerSecondP50} frames/s (median push)`,
  );
  return { cpuSeconds, report };
}

/** The upload burst, with Redis's INFO before and after. */
async function measureUploads(
  rig: Rig,
  w: StoreWorkload,
  runId: string,
): Promise<{
  uploads: UploadBurstResult;
  redisBefore: RedisInfo | null;
  redisAfter: RedisInfo | null;
}> {
  const { store, redis, log } = rig;
  log(
    `${store}: upload burst: ${w.uploads.concurrency} phones in flight for ${w.uploads.seconds} s`,
  );
  const redisBefore = redis ? await redis.info() : null;
  const uploads = await uploadBurst({
    urls: urlsOf(rig),
    haToken: rig.haToken,
    seconds: w.uploads.seconds,
    concurrency: w.uploads.concurrency,
    entries: w.uploads.entries,
    idPrefix: `${runId}${store[0]}u`,
  });
  const redisAfter = redis ? await redis.info() : null;
  log(`${store}: ${uploads.uploadsPerSecond} uploads acknowledged/s`);
  return { uploads, redisBefore, redisAfter };
}

/**
 * The same outbreak again with about half the idle phones, then with none: what holding them
 * costs in latency. Closes the idle fleets.
 */
async function latencyByPhonesHeld(rig: Rig, w: StoreWorkload, idle: IdleFleet, held: Replay) {
  const point = (r: Replay) => ({
    connections: r.connections,
    notifyP50: r.load.latencyMs.lastF1P50,
    notifyP99: r.load.latencyMs.lastF1P99,
    serverCpuSeconds: round(r.serverCpuSeconds, 2),
  });
  const points = [point(held)];
  const half = Math.floor(w.clientProcesses / 2);
  if (half > 0 && w.clientProcesses > 1) {
    await idle.closeSome(half);
    await sleep(w.probeWaitMs);
    rig.log(`${rig.store}: the outbreak again, with fewer idle phones`);
    points.push(point(await replay(rig, w)));
  }
  for (const f of rig.fleets.splice(0).reverse()) await f.close();
  await sleep(w.probeWaitMs);
  rig.log(`${rig.store}: the outbreak again, without the idle phones`);
  const bare = await replay(rig, w);
  points.push(point(bare));
  return { points, bare };
}

/** What each step of one measurement returned. */
interface Steps {
  phones: Awaited<ReturnType<typeof holdIdlePhones>>;
  held: Replay;
  probe: { cpuSeconds: number; report: IdleFleetReport };
  burst: Awaited<ReturnType<typeof measureUploads>>;
  curve: Awaited<ReturnType<typeof latencyByPhonesHeld>>;
}

/** The measurement's document, from what each step returned: its headline figures, then parts. */
function storeResult(rig: Rig, w: StoreWorkload, m: Steps): StoreResult {
  const { idle, rssBefore, rssAfter } = m.phones;
  const s = m.held.load;
  const connections = m.held.connections;
  const bytesPerConnection = (sum(rssAfter) - sum(rssBefore)) / Math.max(1, idle.connected);
  return {
    store: rig.store,
    processes: w.servers,
    connections,
    connectionsPerProcess: Math.round(connections / w.servers),
    bytesPerConnection: Math.round(bytesPerConnection),
    uploadsPerSecond: m.burst.uploads.uploadsPerSecond,
    latencyMs: latencyOf(s),
    f0: s.f0,
    phones: s.phones,
    idle: idleFigures(w, m),
    memory: { rssBeforeBytes: rssBefore, rssAfterBytes: rssAfter, phonesAdded: idle.connected },
    outbreak: outbreakFigures(w, m.held),
    latencyByPhonesHeld: m.curve.points,
    withoutIdlePhones: {
      connections: m.curve.bare.connections,
      latencyMs: latencyOf(m.curve.bare.load),
      f1: m.curve.bare.load.f1,
      serverCpuSeconds: round(m.curve.bare.serverCpuSeconds, 2),
    },
    fanOut: fanOutFigures(m.probe),
    uploads: m.burst.uploads,
    ...redisFigures(rig, m),
  };
}

/** The idle phones: asked for (with the warm-up ones), held, lost, how long they took. */
function idleFigures(w: StoreWorkload, m: Steps): StoreResult["idle"] {
  const { warmup, idle, requested, connectSeconds } = m.phones;
  return {
    requested: requested + w.warmupPerServer * w.servers,
    connected: idle.connected + warmup.connected,
    failed: idle.failed + warmup.failed,
    dropped: m.probe.report.dropped,
    clientProcesses: w.clientProcesses,
    connectSeconds: round(connectSeconds, 1),
    errors: idle.errors,
  };
}

/** The outbreak replayed while the phones were held: the fleet's verdict and the servers' CPU. */
function outbreakFigures(w: StoreWorkload, held: Replay): StoreResult["outbreak"] {
  const s = held.load;
  return {
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
  };
}

/** Every push the idle phones saw, and the full-size probe per serve CPU second. */
function fanOutFigures(probe: Steps["probe"]): StoreResult["fanOut"] {
  const latest = probe.report.fanOut.latest;
  const cpu = probe.cpuSeconds;
  return {
    ...probe.report.fanOut,
    probe: {
      frameBytes: latest?.frameBytes ?? 0,
      delivered: latest?.count ?? 0,
      spreadMs: latest ? latest.last - latest.first : 0,
      serverCpuSeconds: round(cpu, 2),
      framesPerServerCpuSecond: cpu > 0 ? Math.round((latest?.count ?? 0) / cpu) : 0,
    },
  };
}

/** On Redis: its version, fsync policy, and what the outbreak and the burst cost it. */
function redisFigures(rig: Rig, m: Steps): Pick<StoreResult, "redis"> {
  const { redisBefore, redisAfter } = m.burst;
  if (!rig.redis || !m.held.redis || !redisBefore || !redisAfter) return {};
  return {
    redis: {
      version: rig.redis.version,
      appendfsync: "always" as const,
      outbreak: m.held.redis,
      uploads: redisDelta(redisBefore, redisAfter),
    },
  };
}
