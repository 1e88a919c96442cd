/*
 * An upload burst: phones that found an index person's IDs upload their keys and their log at a
 * rising, then steady, arrival rate (as after a big push). Each iteration is one phone (an
 * exported phone's real keys and log, moved onto the wall clock, under a fresh id so that the
 * per-phone rate limit does not apply) naming the index person set up by the health authority.
 * An upload counts once the server acknowledges it, i.e. once it is durable.
 *
 *   k6 run -e BASE_URL=http://127.0.0.1:8080 -e EXPORT_DIR=/abs/export -e RATE=200 upload-burst.ts
 *
 * RATE (phones per second at the top, 100), RAMP_SECONDS (30), HOLD_SECONDS (60).
 */
import { check } from "k6";
import { SharedArray } from "k6/data";
import exec from "k6/execution";
import { Counter, Trend } from "k6/metrics";
import { type Phone, uploadsOf } from "./lib/payloads.ts";
import { type K6SummaryData, summaryOutputs } from "./lib/summary.ts";
import {
  confirmF0,
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

const phones = new SharedArray("phones", () => readPhones((f) => open(f)));
const run = readRun((f) => open(f));

const RATE = num("RATE", 100);
const RAMP = num("RAMP_SECONDS", 30);
const HOLD = num("HOLD_SECONDS", 60);

const ackMs = new Trend("upload_ack_ms", true);
const acknowledged = new Counter("uploads_acknowledged");
const entries = new Counter("log_entries_uploaded");

export const options = {
  scenarios: {
    burst: {
      executor: "ramping-arrival-rate",
      startRate: 1,
      timeUnit: "1s",
      stages: [
        { duration: `${RAMP}s`, target: RATE },
        { duration: `${HOLD}s`, target: RATE },
      ],
      preAllocatedVUs: 50,
      maxVUs: 1000,
    },
  },
  thresholds: {
    "upload_ack_ms{kind:log}": ["p(95)<1000"],
    "upload_ack_ms{kind:keys}": ["p(95)<500"],
    http_req_failed: ["rate<0.01"],
    checks: ["rate>0.99"],
  },
};

interface BurstSetup extends RunClock {
  indexId: string;
}

/** One index person the uploads name (an F0 confirmed by the health authority). */
export function setup(): BurstSetup {
  const clock = runClock(run);
  const index = registerPhone(urlOf(0));
  if (index === null) throw new Error("could not register the index person's phone");
  const f0 = confirmF0(urlOf(0), `${clock.tag}-burst`, clock.windowEnd, index);
  if (f0 === null) throw new Error("the health authority could not confirm an F0 (HA_TOKEN?)");
  return { ...clock, indexId: f0.indexId };
}

export default function (s: BurstSetup): void {
  const i = exec.scenario.iterationInTest;
  const me = phones[i % phones.length] as Phone;
  const base = urlOf(i);
  // A registration is the phone's first request, not an upload: not timed.
  const credential = registerPhone(base);
  if (!check(credential, { "phone registered": (x) => x !== null }) || credential === null) return;
  const now = Math.floor(Date.now() / 1000);
  const u = uploadsOf(
    me,
    credential.phoneId,
    s.shift,
    now,
    { kind: "exposure", indexIds: [s.indexId] },
    `${s.tag}u${i}`,
  );
  for (const kind of ["keys", "log"] as const) {
    const started = Date.now();
    const r = postJson(base, `/v1/uploads/${kind}`, u[kind], phoneAuth(credential), { kind });
    if (!check(r, { [`${kind} acknowledged`]: (x) => x.status === 201 })) return;
    ackMs.add(Date.now() - started, { kind });
    acknowledged.add(1, { kind });
    if (kind === "log") entries.add(u.log.log.length);
  }
}

export function handleSummary(data: K6SummaryData): Record<string, string> {
  return summaryOutputs(
    "upload-burst",
    data,
    [
      "upload_ack_ms",
      "upload_ack_ms{kind:keys}",
      "upload_ack_ms{kind:log}",
      "uploads_acknowledged",
      "log_entries_uploaded",
      "http_req_failed",
      "iterations",
      "dropped_iterations",
    ],
    summaryDir,
  );
}
