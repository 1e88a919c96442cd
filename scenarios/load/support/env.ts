// The scripts' settings, from `k6 run -e NAME=value` (or the environment with --include-system-env-vars).
import type { PhoneHandshake } from "@tracebed/protocol";
import http from "k6/http";
import {
  dayShift,
  f0CodeRequest,
  joinExport,
  type KeysRow,
  type LogRow,
  type Phone,
  type PhoneRow,
  parseNdjson,
  type RunFile,
  redeemRequest,
  SECONDS_PER_DAY,
} from "../lib/payloads.ts";

const env = (name: string, fallback: string) => __ENV[name] ?? fallback;

export function num(name: string, fallback: number): number {
  const v = Number(env(name, String(fallback)));
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name}: must be a number ≥ 0`);
  return v;
}

/** Matcher URLs (`BASE_URL=http://127.0.0.1:8080[,http://127.0.0.1:8081…]`); phones are spread over them. */
export const urls = env("BASE_URL", "http://127.0.0.1:8080")
  .split(",")
  .map((u) => u.trim().replace(/\/+$/, ""))
  .filter((u) => u !== "");

/** `tracebed export … --out DIR`; relative paths are from the script's folder (k6's open()). */
export const exportDir = env("EXPORT_DIR", "./export").replace(/\/+$/, "");
export const haToken = env("HA_TOKEN", "tracebed-dev-ha-token");
/** Where handleSummary writes `<script>-summary.json`. */
export const summaryDir = env("SUMMARY_DIR", ".");

/** The phones of the export, joined (call inside a SharedArray: parses every file once). */
export function readPhones(read: (file: string) => string): Phone[] {
  return joinExport(
    parseNdjson<PhoneRow>(read(`${exportDir}/phones.ndjson`)),
    parseNdjson<KeysRow>(read(`${exportDir}/keys.ndjson`)),
    parseNdjson<LogRow>(read(`${exportDir}/logs.ndjson`)),
  );
}

export function readRun(read: (file: string) => string): RunFile {
  return JSON.parse(read(`${exportDir}/run.json`)) as RunFile;
}

/** What setup() hands every VU: the run tag, and the run moved onto the wall clock. */
export interface RunClock {
  tag: string;
  /** Whole days added to every timestamp and key day of the export. */
  shift: number;
  /** The F0's confirmation, shifted: the end of their window. */
  windowEnd: number;
}

export function runClock(run: RunFile): RunClock {
  const now = Math.floor(Date.now() / 1000);
  const shift = dayShift(run.window.end, now);
  return {
    tag: env("RUN_TAG", `k6${Date.now().toString(36)}`),
    shift,
    windowEnd: run.window.end + shift * SECONDS_PER_DAY,
  };
}

export const urlOf = (i: number) => urls[i % urls.length]!;

/** POST JSON; the parsed body (null when it is not JSON). */
export function postJson(
  base: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  tags: Record<string, string> = {},
): { status: number; json: unknown } {
  const res = http.post(`${base}${path}`, JSON.stringify(body), {
    headers: { "content-type": "application/json", ...headers },
    tags: { name: path, ...tags },
  });
  let json: unknown = null;
  try {
    json = typeof res.body === "string" ? JSON.parse(res.body) : null;
  } catch {}
  return { status: res.status, json };
}

/** `POST /v1/phones`: the server issues a phone's id and secret (null if refused). */
export function registerPhone(base: string): PhoneHandshake | null {
  const r = postJson(base, "/v1/phones", {});
  return r.status === 201 ? (r.json as PhoneHandshake) : null;
}

/** A phone's credential header for its HTTP requests. */
export const phoneAuth = (phone: PhoneHandshake) => ({ authorization: `Phone ${phone.secret}` });

/**
 * `POST /v1/f0-codes` then `/v1/f0-codes/redeem` by the registered `phone`: the case becomes
 * index person `indexId`.
 */
export function confirmF0(
  base: string,
  caseRef: string,
  confirmedAt: number,
  phone: PhoneHandshake,
): { indexId: string; uploadToken: string } | null {
  const code = postJson(base, "/v1/f0-codes", f0CodeRequest(caseRef, confirmedAt), {
    authorization: `Bearer ${haToken}`,
  });
  if (code.status !== 201) return null;
  const redeemed = postJson(
    base,
    "/v1/f0-codes/redeem",
    redeemRequest((code.json as { code: string }).code, phone.phoneId),
    phoneAuth(phone),
  );
  if (redeemed.status !== 200) return null;
  return redeemed.json as { indexId: string; uploadToken: string };
}
