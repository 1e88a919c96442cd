/*
 * The national plan of one design, from what `tracebed compare` measured on its sample: the
 * same assumptions as `tracebed bench`'s plan (Viet Nam, 60% adoption, 10,000 F0 a day), each
 * line carrying its arithmetic. An extrapolation from one machine and one sample, labelled so.
 */

import type { PlanAssumptions } from "../bench/plan.js";
import { fmt, line, round } from "../bench/plan-sections.js";
import type { CompareDesign } from "./designs.js";
import type { DesignResult } from "./run-design.js";

/** Days a server keeps an F0's data (the 14-day window and the day it ends). */
const RETENTION_DAYS = 15;

/**
 * `days`: the simulated days the run's phones were up before the first F0 was confirmed (the
 * run's days: the F0 are confirmed at its end), so a daily cost per phone is what was measured
 * before the first F0 ÷ days (a BlueTrace phone fetches a batch of TempIDs for each day).
 */
export function designPlan(a: PlanAssumptions, d: CompareDesign, r: DesignResult, days: number) {
  const phones = Math.round(a.population * a.adoption);
  const f0 = Math.max(1, r.f0);
  const perF0 = {
    cpu: (r.serverCpuSeconds - r.beforeF0.serverCpuSeconds) / f0,
    bytes: (r.bytesOut.server - r.beforeF0.bytesOut) / f0,
    storage: (r.storageBytes - r.beforeF0.storageBytes) / f0,
  };
  const perPhone = {
    cpu: r.beforeF0.serverCpuSeconds / Math.max(1, r.phones),
    bytes: r.beforeF0.bytesOut / Math.max(1, r.phones),
    storage: r.beforeF0.storageBytes / Math.max(1, r.phones),
  };
  // A broadcast design sends each F0's keys to every phone: its per-F0 cost grows with them.
  const k = d.scaling.broadcast ? phones / Math.max(1, r.phones) : 1;
  const grow = d.scaling.broadcast
    ? ` × ${fmt(phones)} / ${fmt(r.phones)} phones (each F0's keys reach every phone)`
    : "";
  const daily = d.scaling.dailyPerPhone;
  // What the phones cost before the first F0, per day when it recurs daily.
  const perDay = daily ? Math.max(1, days) : 1;
  // CPU is not scaled with the phones: with a sample's few phones it is the uploads and
  // decisions; reaching a nation's phones is the bandwidth line (and bench's push-channel plan).
  const cores = (a.f0PerDay * perF0.cpu + (daily ? (phones * perPhone.cpu) / perDay : 0)) / 86_400;
  const bytesPerDay =
    a.f0PerDay * perF0.bytes * k + (daily ? (phones * perPhone.bytes) / perDay : 0);
  const storage = a.f0PerDay * perF0.storage * RETENTION_DAYS + phones * perPhone.storage;
  const dailyText = (what: string) =>
    daily
      ? ` + ${fmt(phones)} phones × ${what} per phone (measured before any F0, over the run's ${perDay} days) / ${perDay} days`
      : "";
  return {
    extrapolated: true,
    note: `From this compare run's sample (${fmt(r.phones)} phones, ${r.f0} F0): its contacts per F0, one machine's CPU, the memory store. Per-F0 figures are the run's totals less what the phones cost before the first F0.`,
    phones: line(phones, "phones", `${fmt(a.population)} people × ${a.adoption} adoption`),
    serverCores: line(
      round(cores, 2),
      "CPU cores",
      `(${fmt(a.f0PerDay)} F0 × ${fmt(perF0.cpu, 3)} CPU s per F0 (measured: its uploads, decisions and notifications, with the sample's phones)${dailyText(`${fmt(perPhone.cpu, 5)} CPU s`)}) / 86,400 s = ${fmt(cores, 2)}; sending each F0's keys to a nation's phones is the bandwidth line`,
    ),
    bandwidthBitsPerSecond: line(
      Math.round((bytesPerDay * 8) / 86_400),
      "bit/s",
      `(${fmt(a.f0PerDay)} F0 × ${fmt(perF0.bytes)} B out per F0 (measured)${grow}${dailyText(`${fmt(perPhone.bytes)} B`)}) × 8 / 86,400 s = ${fmt((bytesPerDay * 8) / 86_400 / 1e9, 2)} Gbit/s`,
    ),
    downlinkPerPhonePerDay: line(
      Math.round(bytesPerDay / phones),
      "bytes/day",
      `${fmt(bytesPerDay / 2 ** 30, 1)} GiB a day / ${fmt(phones)} phones = ${fmt(bytesPerDay / phones / 2 ** 20, 2)} MiB per phone per day`,
    ),
    storageBytes: line(
      Math.round(storage),
      "bytes",
      `${fmt(a.f0PerDay)} F0 × ${fmt(perF0.storage)} B per F0 (measured) × ${RETENTION_DAYS} days kept + ${fmt(phones)} phones × ${fmt(perPhone.storage)} B registered = ${fmt(storage / 2 ** 30, 1)} GiB`,
    ),
  };
}

export type DesignPlan = ReturnType<typeof designPlan>;
