/*
 * `tracebed export` rows → what the phones and the health authority send to `tracebed serve`.
 * Pure: no k6 and no Node module, so the k6 scripts and vitest both load it.
 *
 * The export is in simulated time (the scenario's dates); the matcher runs on the wall clock and
 * keeps 14 days. `dayShift` moves a run by whole days so its window ends just before now:
 * shifting timestamps and key days by the same whole days keeps every ID in its slot.
 */

export const SECONDS_PER_DAY = 86_400;

/** A line of phones.ndjson. */
export interface PhoneRow {
  phoneId: string;
  agent: number;
  region: string;
  ageBand: string;
  platform: "android" | "ios";
  installUnixDay: number;
  groups: string[];
  f0: boolean;
}

export interface DailyKey {
  unixDay: number;
  key: string;
}

/** A line of keys.ndjson. */
export interface KeysRow {
  phoneId: string;
  scheme: string;
  keys: DailyKey[];
}

export interface LogEntry {
  ownId: string;
  contactId: string;
  rssi: number;
  txPower: number;
  timestamp: number;
}

/** A line of logs.ndjson: one sighting, by the scanning phone. */
export interface LogRow extends LogEntry {
  phoneId: string;
}

/** run.json: the oracle's verdicts. */
export interface RunFile {
  window: { start: number; end: number };
  /** Phone ids of the F0 with the app, in the oracle's order. */
  f0: string[];
  expected: { f1: string[]; f2: string[] };
}

/** One phone with everything it sends: its keys and its own log (time order). */
export interface Phone {
  phoneId: string;
  f0: boolean;
  keys: DailyKey[];
  log: LogEntry[];
}

export type UploadBasis =
  | { kind: "f0"; uploadToken: string }
  | { kind: "exposure"; indexIds: string[] };

export function parseNdjson<T>(text: string): T[] {
  const rows: T[] = [];
  let line = 0;
  for (const raw of text.split("\n")) {
    line++;
    const s = raw.trim();
    if (s === "") continue;
    try {
      rows.push(JSON.parse(s) as T);
    } catch {
      throw new Error(`line ${line}: not JSON`);
    }
  }
  return rows;
}

/**
 * Joins the three NDJSON files into one record per phone (phones.ndjson order). Sightings of a
 * phone not listed (there are none in a `tracebed export`) are dropped.
 */
export function joinExport(phones: PhoneRow[], keys: KeysRow[], logs: LogRow[]): Phone[] {
  const byId = new Map<string, Phone>();
  const out: Phone[] = [];
  for (const p of phones) {
    const phone: Phone = { phoneId: p.phoneId, f0: p.f0, keys: [], log: [] };
    byId.set(p.phoneId, phone);
    out.push(phone);
  }
  for (const k of keys) {
    const phone = byId.get(k.phoneId);
    if (phone) phone.keys = k.keys;
  }
  for (const { phoneId, ...entry } of logs) byId.get(phoneId)?.log.push(entry);
  for (const phone of out) phone.log.sort((a, b) => a.timestamp - b.timestamp);
  return out;
}

/** Whole days to add so that the run's window ends at most one day before `nowSeconds`. */
export function dayShift(windowEnd: number, nowSeconds: number): number {
  return Math.floor((nowSeconds - windowEnd) / SECONDS_PER_DAY);
}

export function shiftKeys(keys: readonly DailyKey[], days: number): DailyKey[] {
  return keys.map((k) => ({ unixDay: k.unixDay + days, key: k.key }));
}

export function shiftLog(log: readonly LogEntry[], days: number): LogEntry[] {
  const s = days * SECONDS_PER_DAY;
  return log.map((e) => ({ ...e, timestamp: e.timestamp + s }));
}

/** The entries inside [start, end) (unix seconds). */
export function logWithin(log: readonly LogEntry[], start: number, end: number): LogEntry[] {
  return log.filter((e) => e.timestamp >= start && e.timestamp < end);
}

/** The keys of the 14 days up to `windowEnd` (as the app uploads them). */
export function keysWithin(keys: readonly DailyKey[], windowEnd: number, days = 14): DailyKey[] {
  const last = Math.floor((windowEnd - 1) / SECONDS_PER_DAY);
  return keys.filter((k) => k.unixDay <= last && k.unixDay > last - days);
}

const ID_CHARS = /[^A-Za-z0-9_-]/g;

/**
 * The phone id a run sends: the exported id behind a run tag, so that runs against one
 * long-running server stay apart (8–64 characters of A-Z, a-z, 0-9, _ and -).
 */
export function taggedPhoneId(tag: string, phoneId: string): string {
  const id = `${tag.replace(ID_CHARS, "")}-${phoneId}`.replace(ID_CHARS, "");
  if (id.length > 64) return id.slice(id.length - 64);
  return id.padEnd(8, "0");
}

/** An idempotency key (16–64 characters) naming what is uploaded, e.g. ["f0", indexId, "keys"]. */
export function idempotencyKey(parts: (string | number)[]): string {
  const key = parts.join("-").replace(ID_CHARS, "");
  const padded = key.padEnd(16, "0");
  return padded.length > 64 ? padded.slice(padded.length - 64) : padded;
}

export function keyUpload(phoneId: string, keys: DailyKey[], basis: UploadBasis, key: string) {
  return { idempotencyKey: key, phoneId, scheme: "bluezone", basis, keys };
}

export function logUpload(phoneId: string, log: LogEntry[], basis: UploadBasis, key: string) {
  return { idempotencyKey: key, phoneId, scheme: "bluezone", basis, log };
}

/** `POST /v1/f0-codes` (HA): a code for a case confirmed at `confirmedAt`. */
export function f0CodeRequest(caseRef: string, confirmedAt: number) {
  return { caseRef: caseRef.replace(/[^A-Za-z0-9._:/-]/g, "").slice(0, 64), confirmedAt };
}

/** `POST /v1/f0-codes/redeem` (the F0's phone). */
export function redeemRequest(code: string, phoneId: string) {
  return { code, phoneId };
}

/**
 * Everything a phone uploads for one reason, shifted onto the wall clock and cut to the window
 * that ends at `windowEnd` (shifted): its keys, then its log.
 */
export function uploadsOf(
  phone: Phone,
  phoneId: string,
  shiftDays: number,
  windowEnd: number,
  basis: UploadBasis,
  tag: string,
) {
  const keys = keysWithin(shiftKeys(phone.keys, shiftDays), windowEnd);
  const start = (Math.floor((windowEnd - 1) / SECONDS_PER_DAY) - 13) * SECONDS_PER_DAY;
  const log = logWithin(shiftLog(phone.log, shiftDays), start, windowEnd);
  return {
    keys: keyUpload(phoneId, keys, basis, idempotencyKey([tag, "keys"])),
    log: logUpload(phoneId, log, basis, idempotencyKey([tag, "log"])),
  };
}
