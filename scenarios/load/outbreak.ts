/*
 * An outbreak: the exported phones hold their Socket.IO connections while the health authority
 * confirms the run's F0 at a constant arrival rate. Each F0's phone redeems its code and uploads
 * its keys and log; on every key push each phone regenerates the index person's 1,344 Bluezone
 * IDs (k6/crypto SHA-256), looks for them in its own log (each in its slot, inside the window)
 * and, on a hit, uploads its keys and log; the server decides and notifies F1, then F2.
 *
 *   tracebed export hung-yen-2020-08-18 --agents 2000 --days 14 --adoption 0.6 --f0 10 --out /abs/export
 *   tracebed serve --scenario hung-yen-2020-08-18 --ha-token "$HA_TOKEN"
 *   k6 run -e BASE_URL=http://127.0.0.1:8080 -e EXPORT_DIR=/abs/export -e HA_TOKEN="$HA_TOKEN" outbreak.ts
 *
 * VUs share no memory, so the latency from an F0's confirmation to its F1's notification is
 * measured in two legs: `push_latency_ms` (code issued → that F0's key push seen on a socket)
 * and `notify_latency_ms` (the push seen by a phone → that phone notified), tagged by role.
 *
 * PHONES (every exported phone), F0_PER_MINUTE (60), CONNECT_SECONDS (30: before the first F0),
 * HOLD_SECONDS (120: after the last F0).
 */
import type { PhoneHandshake } from "@tracebed/protocol";
import { check } from "k6";
import { sha256 } from "k6/crypto";
import { SharedArray } from "k6/data";
import exec from "k6/execution";
import { Counter, Rate, Trend } from "k6/metrics";
import { setTimeout } from "k6/timers";
import { hits, pushedIds, type Sha256, WINDOW_DAYS } from "./lib/bluezone.ts";
import {
  type LogEntry,
  type Phone,
  type PhoneRow,
  parseNdjson,
  shiftLog,
  type UploadBasis,
  uploadsOf,
} from "./lib/payloads.ts";
import { type K6SummaryData, summaryOutputs } from "./lib/summary.ts";
import {
  confirmF0,
  exportDir,
  num,
  phoneAuth,
  postJson,
  type RunClock,
  readPhones,
  readRun,
  registerPhone,
  runClock,
  summaryDir,
  urlOf,
} from "./support/env.ts";
import { connectPhone } from "./support/phone.ts";

const phones = new SharedArray("phones", () => readPhones((f) => open(f)));
/** Indices (into `phones`) of the run's F0 with the app, in the oracle's order. */
const f0Phones = new SharedArray("f0", () => {
  const ids = parseNdjson<PhoneRow>(open(`${exportDir}/phones.ndjson`)).map((p) => p.phoneId);
  const at = new Map(ids.map((id, i) => [id, i] as const));
  return readRun((f) => open(f))
    .f0.map((id) => at.get(id) ?? -1)
    .filter((i) => i >= 0);
});
const run = readRun((f) => open(f));

const PHONES = Math.min(num("PHONES", phones.length), phones.length);
const F0_PER_MINUTE = num("F0_PER_MINUTE", 60);
const CONNECT = num("CONNECT_SECONDS", 30);
const HOLD = num("HOLD_SECONDS", 120);
const F0_SECONDS = Math.max(1, Math.ceil((f0Phones.length / Math.max(F0_PER_MINUTE, 1e-9)) * 60));

const pushLatency = new Trend("push_latency_ms", true);
const notifyLatency = new Trend("notify_latency_ms", true);
const connectMs = new Trend("socketio_connect_ms", true);
const phoneErrors = new Rate("phone_errors");
const uploadsAcked = new Counter("uploads_acknowledged");
const exposureUploads = new Counter("exposure_uploads");
const notified = new Counter("notifications_received");
const f0Confirmed = new Counter("f0_confirmed");

export const options = {
  scenarios: {
    phones: {
      executor: "per-vu-iterations",
      exec: "phone",
      vus: PHONES,
      iterations: 1,
      maxDuration: `${CONNECT + F0_SECONDS + HOLD + 30}s`,
    },
    health_authority: {
      executor: "constant-arrival-rate",
      exec: "healthAuthority",
      startTime: `${CONNECT}s`,
      rate: F0_PER_MINUTE,
      timeUnit: "1m",
      duration: `${F0_SECONDS}s`,
      preAllocatedVUs: 5,
      maxVUs: 50,
    },
  },
  thresholds: {
    "notify_latency_ms{role:F1}": ["p(95)<2000"],
    push_latency_ms: ["p(95)<2000"],
    phone_errors: ["rate<0.01"],
    http_req_failed: ["rate<0.01"],
  },
};

const k6Sha256: Sha256 = (data) =>
  new Uint8Array(
    sha256(
      data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
      "binary",
    ),
  );

export function setup(): RunClock {
  return runClock(run);
}

/** Uploads keys then log; counts acknowledgements (201, or 200 for a replay). */
function upload(
  base: string,
  phone: Phone,
  credential: PhoneHandshake,
  clock: RunClock,
  windowEnd: number,
  basis: UploadBasis,
  tag: string,
): boolean {
  const u = uploadsOf(phone, credential.phoneId, clock.shift, windowEnd, basis, tag);
  for (const kind of ["keys", "log"] as const) {
    const r = postJson(base, `/v1/uploads/${kind}`, u[kind], phoneAuth(credential), { kind });
    const ok = check(r, {
      [`${kind} upload acknowledged`]: (x) => x.status === 201 || x.status === 200,
    });
    if (!ok) return false;
    uploadsAcked.add(1, { kind });
  }
  return true;
}

/** One phone: connect, match every push against its own log, upload on a hit, hear notifications. */
export function phone(clock: RunClock): void {
  const p = exec.vu.idInTest - 1;
  const me = phones[p] as Phone;
  const base = urlOf(p);
  const credential = registerPhone(base);
  if (credential === null) {
    phoneErrors.add(true);
    return;
  }
  let log: LogEntry[] | null = null;
  const seen = new Set<number>();
  const namedIndexes = new Set<string>();
  const pushSeenAt = new Map<string, number>();
  let failed = false;
  const channel = connectPhone(base, credential, {
    onConnected: (ms) => connectMs.add(ms),
    onReady: () => phoneErrors.add(false),
    onKeyPushes: (frame) => {
      for (const push of frame) {
        if (seen.has(push.seq)) continue;
        seen.add(push.seq);
        pushSeenAt.set(push.indexId, Date.now());
        log ??= shiftLog(me.log, clock.shift);
        // A push again (later keys, an earlier exposure) is checked again, named once.
        if (namedIndexes.has(push.indexId)) continue;
        const ids = pushedIds(push, k6Sha256);
        if (hits(log, ids, push.windowEnd, WINDOW_DAYS, push.windowStart) === 0) continue;
        namedIndexes.add(push.indexId);
        exposureUploads.add(1);
        const basis: UploadBasis = { kind: "exposure", indexIds: [push.indexId] };
        // The phone's own window ends now (a notified F1's ends at its notification).
        upload(
          base,
          me,
          credential,
          clock,
          Math.floor(Date.now() / 1000),
          basis,
          `${clock.tag}x${push.indexId}`,
        );
      }
    },
    onNotification: (n) => {
      notified.add(1, { role: n.role });
      const from = pushSeenAt.get(n.indexId);
      if (from !== undefined) notifyLatency.add(Date.now() - from, { role: n.role });
    },
    onError: () => {
      if (!failed) phoneErrors.add(true);
      failed = true;
    },
  });
  const closeAt = exec.scenario.startTime + (CONNECT + F0_SECONDS + HOLD) * 1000;
  setTimeout(() => channel.close(), Math.max(1_000, closeAt - Date.now()));
}

/** The health authority confirms the next F0; its phone redeems the code and uploads. */
export function healthAuthority(clock: RunClock): void {
  const i = exec.scenario.iterationInTest;
  if (i >= f0Phones.length) return;
  const p = f0Phones[i] as number;
  const me = phones[p] as Phone;
  const base = urlOf(p);
  const credential = registerPhone(base);
  const observing = registerPhone(base);
  if (credential === null || observing === null) {
    phoneErrors.add(true);
    return;
  }
  const started = Date.now();
  const f0 = confirmF0(base, `${clock.tag}-case-${i}`, clock.windowEnd, credential);
  if (!check(f0, { "F0 code issued and redeemed": (x) => x !== null }) || f0 === null) return;
  f0Confirmed.add(1);
  // An observer socket sees this F0's key push (the first leg of the latency); the F0's phone
  // uploads once the observer is connected, so the push cannot pass it by.
  const basis: UploadBasis = { kind: "f0", uploadToken: f0.uploadToken };
  const observer = connectPhone(base, observing, {
    onReady: () =>
      upload(base, me, credential, clock, clock.windowEnd, basis, `${clock.tag}f${f0.indexId}`),
    onKeyPushes: (frame) => {
      if (!frame.some((p) => p.indexId === f0.indexId)) return;
      pushLatency.add(Date.now() - started);
      observer.close();
    },
    onError: () => phoneErrors.add(true),
  });
  setTimeout(() => observer.close(), 30_000);
}

export function handleSummary(data: K6SummaryData): Record<string, string> {
  return summaryOutputs(
    "outbreak",
    data,
    [
      "push_latency_ms",
      "notify_latency_ms",
      "notify_latency_ms{role:F1}",
      "socketio_connect_ms",
      "f0_confirmed",
      "exposure_uploads",
      "uploads_acknowledged",
      "notifications_received",
      "phone_errors",
      "http_req_failed",
      "http_req_duration",
    ],
    summaryDir,
  );
}
