// The capacity plan's sections (plan.ts composes them): each turns the assumptions, the measured
// figures and the rates they share into lines that carry their own arithmetic.
import type { PlanAssumptions, PlanMeasured } from "./plan.js";

export interface PlanLine {
  value: number;
  unit: string;
  arithmetic: string;
}

export const fmt = (x: number, digits = 0) =>
  x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
export const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;
export const line = (value: number, unit: string, arithmetic: string): PlanLine => ({
  value,
  unit,
  arithmetic,
});

/** The rates more than one section uses. */
export interface PlanRates {
  /** Phones with the app, nationwide. */
  phones: number;
  /** IDs a phone derives from one index person's push. */
  idsPerF0: number;
  f0PerSecond: number;
  pushesPerDay: number;
  pushesPerSecond: number;
  /** Machines holding every phone on the push channel. */
  machines: number;
}

export function planRates(a: PlanAssumptions, m: PlanMeasured): PlanRates {
  const pushesPerDay = a.f0PerDay * m.pushesPerF0;
  const phones = Math.round(a.population * a.adoption);
  return {
    phones,
    idsPerF0: a.windowDays * a.idsPerDay,
    f0PerSecond: a.f0PerDay / 86_400,
    pushesPerDay,
    pushesPerSecond: pushesPerDay / 86_400,
    machines: Math.ceil(phones / m.phonesPerMachine),
  };
}

export function assumptionLines(a: PlanAssumptions, r: PlanRates) {
  return {
    ...a,
    phones: line(
      r.phones,
      "phones",
      `${fmt(a.population)} people × ${a.adoption} adoption = ${fmt(r.phones)}`,
    ),
    idsPerF0: line(
      r.idsPerF0,
      "IDs",
      `${a.windowDays} days × ${a.idsPerDay} IDs a day = ${fmt(r.idsPerF0)}`,
    ),
    f0PerSecond: line(
      round(r.f0PerSecond, 4),
      "F0/s",
      `${fmt(a.f0PerDay)} / 86,400 s = ${fmt(r.f0PerSecond, 4)}`,
    ),
  };
}

/** Connections: the push channel holds every phone. */
export function connectionLines(m: PlanMeasured, r: PlanRates) {
  const processes = Math.ceil(r.phones / m.connectionsPerProcess);
  const memory = r.phones * m.bytesPerConnection;
  return {
    serveProcesses: line(
      processes,
      "processes",
      `${fmt(r.phones)} phones / ${fmt(m.connectionsPerProcess)} phones per process (measured) = ${fmt(processes)}`,
    ),
    serverMemoryBytes: line(
      Math.round(memory),
      "bytes",
      `${fmt(r.phones)} × ${fmt(m.bytesPerConnection)} B per phone (measured) = ${fmt(memory / 2 ** 30, 1)} GiB`,
    ),
    machines: line(
      r.machines,
      `${m.cpusPerMachine}-core machines`,
      `${fmt(r.phones)} phones / ${fmt(m.phonesPerMachine)} phones per ${m.cpusPerMachine}-core machine (measured, ${m.processesPerMachine} serve processes on Redis) = ${fmt(r.machines)}`,
    ),
  };
}

/** Push fan-out: every push goes to every phone, several to a frame when they come together. */
export function pushLines(a: PlanAssumptions, m: PlanMeasured, r: PlanRates) {
  const perFrame = Math.max(1, m.pushesPerFrame);
  const framesPerSecond = (r.pushesPerSecond * r.phones) / perFrame;
  const bytesPerSecond = r.pushesPerSecond * r.phones * m.pushFrameBytes;
  const framesPerProcess = (r.pushesPerSecond * m.connectionsPerProcess) / perFrame;
  const share = framesPerProcess / m.pushFramesPerSecondPerProcess;
  const perSecond = fmt(r.pushesPerSecond, 3);
  return {
    perDay: line(
      Math.round(r.pushesPerDay),
      "pushes/day",
      `${fmt(a.f0PerDay)} F0 × ${fmt(m.pushesPerF0, 2)} index persons pushed per F0 (measured: the F0 and its F1) = ${fmt(r.pushesPerDay)}`,
    ),
    framesPerSecond: line(
      Math.round(framesPerSecond),
      "frames/s",
      `${perSecond} pushes/s × ${fmt(r.phones)} phones / ${fmt(perFrame, 2)} pushes per frame (measured) = ${fmt(framesPerSecond)}`,
    ),
    bandwidthBytesPerSecond: line(
      Math.round(bytesPerSecond),
      "bytes/s",
      `${perSecond} pushes/s × ${fmt(r.phones)} phones × ${fmt(m.pushFrameBytes)} B per push (measured frame) = ${fmt((bytesPerSecond * 8) / 1e9, 2)} Gbit/s`,
    ),
    fanOutSharePerProcess: line(
      round(share, 4),
      "of one process",
      `${perSecond} pushes/s × ${fmt(m.connectionsPerProcess)} phones / ${fmt(perFrame, 2)} = ${fmt(framesPerProcess)} frames/s per process, / ${fmt(m.pushFramesPerSecondPerProcess)} frames/s measured = ${fmt(share * 100, 1)}% of its time fanning out`,
    ),
  };
}

/** Uploads and decisions. */
export function uploadLines(a: PlanAssumptions, m: PlanMeasured) {
  const perSecond = (a.f0PerDay * m.uploadsPerF0) / 86_400;
  const cores = (a.f0PerDay * m.serverCpuSecondsPerF0) / 86_400;
  const headroom = m.uploadsPerSecondPerProcess / Math.max(perSecond, 1e-9);
  return {
    perSecond: line(
      round(perSecond, 1),
      "uploads/s",
      `${fmt(a.f0PerDay)} F0 × ${fmt(m.uploadsPerF0)} uploads per F0 (measured, F1 and F2 candidates' keys and logs) / 86,400 s = ${fmt(perSecond, 1)}`,
    ),
    serverCores: line(
      round(cores, 2),
      "CPU cores",
      `${fmt(a.f0PerDay)} F0 × ${fmt(m.serverCpuSecondsPerF0, 2)} server CPU s per F0 for its uploads and decisions (measured with few phones held; the fan-out is above) / 86,400 s = ${fmt(cores, 2)} cores`,
    ),
    burstHeadroom: line(
      round(headroom, 1),
      "× the mean rate",
      `${fmt(m.uploadsPerSecondPerProcess)} small uploads/s one process acknowledges (measured) / ${fmt(perSecond, 1)} uploads/s on average = ${fmt(headroom, 1)}× (real logs are larger: see the CPU line)`,
    ),
  };
}

/**
 * Redis: the measured per-F0 traffic, plus each push and notification published to every
 * subscribed process (the Socket.IO adapter): the pub/sub share grows with the processes.
 */
export function redisLines(m: PlanMeasured, r: PlanRates) {
  const commandsPerSecond = r.f0PerSecond * m.redisCommandsPerF0;
  const cores = r.f0PerSecond * m.redisCpuSecondsPerF0;
  const subscribers = r.machines * m.processesPerMachine;
  const pubSubBytesPerSecond = r.pushesPerSecond * m.pushFrameBytes * subscribers;
  const bytesPerSecond = r.f0PerSecond * m.redisBytesPerF0 + pubSubBytesPerSecond;
  const f0PerSecond = fmt(r.f0PerSecond, 4);
  return {
    commandsPerSecond: line(
      Math.round(commandsPerSecond),
      "commands/s",
      `${f0PerSecond} F0/s × ${fmt(m.redisCommandsPerF0)} commands per F0 (measured) = ${fmt(commandsPerSecond)}`,
    ),
    cores: line(
      round(cores, 3),
      "CPU cores",
      `${f0PerSecond} F0/s × ${fmt(m.redisCpuSecondsPerF0, 3)} Redis CPU s per F0 (measured) = ${fmt(cores, 3)} of Redis's one thread`,
    ),
    bandwidthBytesPerSecond: line(
      Math.round(bytesPerSecond),
      "bytes/s",
      `${f0PerSecond} F0/s × ${fmt(m.redisBytesPerF0)} B per F0 (measured, ${m.redisProcesses} subscribers) + ${fmt(r.pushesPerSecond, 3)} pushes/s × ${fmt(m.pushFrameBytes)} B × ${fmt(subscribers)} subscribed processes = ${fmt(bytesPerSecond / 1e6, 1)} MB/s`,
    ),
  };
}

/** Phones: each derives every pushed index person's IDs and downloads every push. */
export function phoneLines(m: PlanMeasured, r: PlanRates) {
  const idsPerDay = r.pushesPerDay * r.idsPerF0;
  const downlinkPerDay = r.pushesPerDay * m.pushFrameBytes;
  return {
    idsDerivedPerDay: line(
      Math.round(idsPerDay),
      "IDs/day",
      `${fmt(r.pushesPerDay)} pushes × ${fmt(r.idsPerF0)} IDs = ${fmt(idsPerDay)} SHA-256 per phone per day`,
    ),
    downlinkBytesPerDay: line(
      Math.round(downlinkPerDay),
      "bytes/day",
      `${fmt(r.pushesPerDay)} pushes × ${fmt(m.pushFrameBytes)} B = ${fmt(downlinkPerDay / 2 ** 20, 1)} MiB per phone per day`,
    ),
  };
}
