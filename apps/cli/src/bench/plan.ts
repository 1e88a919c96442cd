/*
 * A capacity plan for a national outbreak, derived from the figures this machine measured. Pure:
 * every input is either a stated assumption (population, adoption, outbreak rate) or a measured
 * figure passed in; every output carries the arithmetic that produced it, as a string. All of
 * it is an extrapolation from one machine's per-process figures, labelled as such.
 */

/** What the plan assumes (docs/BENCHMARKS.md): stated, not measured. */
export interface PlanAssumptions {
  /** People (Viet Nam ≈ 97.6 million, 2020). */
  population: number;
  /** Share of the population with the app. */
  adoption: number;
  /** F0 confirmed per day, nationwide. */
  f0PerDay: number;
  /** Days of keys an index person's push carries. */
  windowDays: number;
  /** Bluezone IDs per day (96 slots of 15 minutes). */
  idsPerDay: number;
}

/** What the bench measured, per process or per F0. */
export interface PlanMeasured {
  /** Phones one `serve` process held at once (memory store). */
  connectionsPerProcess: number;
  /** Server resident memory per held phone, bytes. */
  bytesPerConnection: number;
  /** Phones held by the Redis setup on this machine, and its `serve` processes. */
  phonesPerMachine: number;
  processesPerMachine: number;
  cpusPerMachine: number;
  /** Small uploads acknowledged per second by one process (memory store). */
  uploadsPerSecondPerProcess: number;
  /** In the outbreak replayed by the fleet (Redis setup): per F0 confirmed. */
  uploadsPerF0: number;
  /** Index persons pushed per F0 (the F0 and its F1). */
  pushesPerF0: number;
  /** CPU seconds of all `serve` processes per F0: uploads and decisions (few phones held). */
  serverCpuSecondsPerF0: number;
  /** Redis: commands, bytes in + out and CPU seconds per F0, with `redisProcesses` subscribers. */
  redisCommandsPerF0: number;
  redisBytesPerF0: number;
  redisCpuSecondsPerF0: number;
  redisProcesses: number;
  /** A frame carrying one key push (14 keys) on the wire, bytes. */
  pushFrameBytes: number;
  /** Pushes per frame in the replayed outbreak (pushes due during a fan-out share a frame). */
  pushesPerFrame: number;
  /** Key-push frames one process delivered per second while fanning a push out. */
  pushFramesPerSecondPerProcess: number;
}

export interface PlanLine {
  value: number;
  unit: string;
  arithmetic: string;
}

const fmt = (x: number, digits = 0) =>
  x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;
const line = (value: number, unit: string, arithmetic: string): PlanLine => ({
  value,
  unit,
  arithmetic,
});

export const VIETNAM_ASSUMPTIONS: PlanAssumptions = {
  population: 97_600_000,
  adoption: 0.6,
  f0PerDay: 10_000,
  windowDays: 14,
  idsPerDay: 96,
};

export function capacityPlan(a: PlanAssumptions, m: PlanMeasured) {
  const phones = Math.round(a.population * a.adoption);
  const idsPerF0 = a.windowDays * a.idsPerDay;
  const f0PerSecond = a.f0PerDay / 86_400;
  const pushesPerDay = a.f0PerDay * m.pushesPerF0;
  const pushesPerSecond = pushesPerDay / 86_400;

  // Connections: the push channel holds every phone.
  const connProcesses = Math.ceil(phones / m.connectionsPerProcess);
  const connMemory = phones * m.bytesPerConnection;
  const machines = Math.ceil(phones / m.phonesPerMachine);

  // Push fan-out: every push goes to every phone, several to a frame when they come together.
  const pushesPerFrame = Math.max(1, m.pushesPerFrame);
  const framesPerSecond = (pushesPerSecond * phones) / pushesPerFrame;
  const fanOutBytesPerSecond = pushesPerSecond * phones * m.pushFrameBytes;
  const framesPerProcess = (pushesPerSecond * m.connectionsPerProcess) / pushesPerFrame;
  const fanOutShare = framesPerProcess / m.pushFramesPerSecondPerProcess;

  // Uploads and decisions.
  const uploadsPerSecond = (a.f0PerDay * m.uploadsPerF0) / 86_400;
  const serverCores = (a.f0PerDay * m.serverCpuSecondsPerF0) / 86_400;

  // Redis: the measured per-F0 traffic, plus each push and notification published to every
  // subscribed process (the Socket.IO adapter): the pub/sub share grows with the processes.
  const redisCommandsPerSecond = f0PerSecond * m.redisCommandsPerF0;
  const redisCores = f0PerSecond * m.redisCpuSecondsPerF0;
  const pubSubBytesPerSecond =
    pushesPerSecond * m.pushFrameBytes * machines * m.processesPerMachine;
  const redisBytesPerSecond = f0PerSecond * m.redisBytesPerF0 + pubSubBytesPerSecond;

  // Phones: each derives every pushed index person's IDs and downloads every push.
  const idsPerPhonePerDay = pushesPerDay * idsPerF0;
  const downlinkPerPhonePerDay = pushesPerDay * m.pushFrameBytes;

  return {
    extrapolated: true,
    note: "Extrapolated from this machine's per-process figures: assumes they hold as processes and machines are added, one Redis for all (the Redis store is not Cluster-ready), loopback networking, and the replayed sample's contacts per F0 for the national outbreak.",
    assumptions: {
      ...a,
      phones: line(
        phones,
        "phones",
        `${fmt(a.population)} people × ${a.adoption} adoption = ${fmt(phones)}`,
      ),
      idsPerF0: line(
        idsPerF0,
        "IDs",
        `${a.windowDays} days × ${a.idsPerDay} IDs a day = ${fmt(idsPerF0)}`,
      ),
      f0PerSecond: line(
        round(f0PerSecond, 4),
        "F0/s",
        `${fmt(a.f0PerDay)} / 86,400 s = ${fmt(f0PerSecond, 4)}`,
      ),
    },
    connections: {
      serveProcesses: line(
        connProcesses,
        "processes",
        `${fmt(phones)} phones / ${fmt(m.connectionsPerProcess)} phones per process (measured) = ${fmt(connProcesses)}`,
      ),
      serverMemoryBytes: line(
        Math.round(connMemory),
        "bytes",
        `${fmt(phones)} × ${fmt(m.bytesPerConnection)} B per phone (measured) = ${fmt(connMemory / 2 ** 30, 1)} GiB`,
      ),
      machines: line(
        machines,
        `${m.cpusPerMachine}-core machines`,
        `${fmt(phones)} phones / ${fmt(m.phonesPerMachine)} phones per ${m.cpusPerMachine}-core machine (measured, ${m.processesPerMachine} serve processes on Redis) = ${fmt(machines)}`,
      ),
    },
    pushes: {
      perDay: line(
        Math.round(pushesPerDay),
        "pushes/day",
        `${fmt(a.f0PerDay)} F0 × ${fmt(m.pushesPerF0, 2)} index persons pushed per F0 (measured: the F0 and its F1) = ${fmt(pushesPerDay)}`,
      ),
      framesPerSecond: line(
        Math.round(framesPerSecond),
        "frames/s",
        `${fmt(pushesPerSecond, 3)} pushes/s × ${fmt(phones)} phones / ${fmt(pushesPerFrame, 2)} pushes per frame (measured) = ${fmt(framesPerSecond)}`,
      ),
      bandwidthBytesPerSecond: line(
        Math.round(fanOutBytesPerSecond),
        "bytes/s",
        `${fmt(pushesPerSecond, 3)} pushes/s × ${fmt(phones)} phones × ${fmt(m.pushFrameBytes)} B per push (measured frame) = ${fmt((fanOutBytesPerSecond * 8) / 1e9, 2)} Gbit/s`,
      ),
      fanOutSharePerProcess: line(
        round(fanOutShare, 4),
        "of one process",
        `${fmt(pushesPerSecond, 3)} pushes/s × ${fmt(m.connectionsPerProcess)} phones / ${fmt(pushesPerFrame, 2)} = ${fmt(framesPerProcess)} frames/s per process, / ${fmt(m.pushFramesPerSecondPerProcess)} frames/s measured = ${fmt(fanOutShare * 100, 1)}% of its time fanning out`,
      ),
    },
    uploads: {
      perSecond: line(
        round(uploadsPerSecond, 1),
        "uploads/s",
        `${fmt(a.f0PerDay)} F0 × ${fmt(m.uploadsPerF0)} uploads per F0 (measured, F1 and F2 candidates' keys and logs) / 86,400 s = ${fmt(uploadsPerSecond, 1)}`,
      ),
      serverCores: line(
        round(serverCores, 2),
        "CPU cores",
        `${fmt(a.f0PerDay)} F0 × ${fmt(m.serverCpuSecondsPerF0, 2)} server CPU s per F0 for its uploads and decisions (measured with few phones held; the fan-out is above) / 86,400 s = ${fmt(serverCores, 2)} cores`,
      ),
      burstHeadroom: line(
        round(m.uploadsPerSecondPerProcess / Math.max(uploadsPerSecond, 1e-9), 1),
        "× the mean rate",
        `${fmt(m.uploadsPerSecondPerProcess)} small uploads/s one process acknowledges (measured) / ${fmt(uploadsPerSecond, 1)} uploads/s on average = ${fmt(m.uploadsPerSecondPerProcess / Math.max(uploadsPerSecond, 1e-9), 1)}× (real logs are larger: see the CPU line)`,
      ),
    },
    redis: {
      commandsPerSecond: line(
        Math.round(redisCommandsPerSecond),
        "commands/s",
        `${fmt(f0PerSecond, 4)} F0/s × ${fmt(m.redisCommandsPerF0)} commands per F0 (measured) = ${fmt(redisCommandsPerSecond)}`,
      ),
      cores: line(
        round(redisCores, 3),
        "CPU cores",
        `${fmt(f0PerSecond, 4)} F0/s × ${fmt(m.redisCpuSecondsPerF0, 3)} Redis CPU s per F0 (measured) = ${fmt(redisCores, 3)} of Redis's one thread`,
      ),
      bandwidthBytesPerSecond: line(
        Math.round(redisBytesPerSecond),
        "bytes/s",
        `${fmt(f0PerSecond, 4)} F0/s × ${fmt(m.redisBytesPerF0)} B per F0 (measured, ${m.redisProcesses} subscribers) + ${fmt(pushesPerSecond, 3)} pushes/s × ${fmt(m.pushFrameBytes)} B × ${fmt(machines * m.processesPerMachine)} subscribed processes = ${fmt(redisBytesPerSecond / 1e6, 1)} MB/s`,
      ),
    },
    phones: {
      idsDerivedPerDay: line(
        Math.round(idsPerPhonePerDay),
        "IDs/day",
        `${fmt(pushesPerDay)} pushes × ${fmt(idsPerF0)} IDs = ${fmt(idsPerPhonePerDay)} SHA-256 per phone per day`,
      ),
      downlinkBytesPerDay: line(
        Math.round(downlinkPerPhonePerDay),
        "bytes/day",
        `${fmt(pushesPerDay)} pushes × ${fmt(m.pushFrameBytes)} B = ${fmt(downlinkPerPhonePerDay / 2 ** 20, 1)} MiB per phone per day`,
      ),
    },
  };
}

export type CapacityPlan = ReturnType<typeof capacityPlan>;
