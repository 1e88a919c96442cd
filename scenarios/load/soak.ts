/*
 * Phones connect and idle: a soak of the matcher's push channel. Each VU is one phone holding a
 * Socket.IO connection (k6 websockets; Engine.IO open `0`, connect `40{"phoneId":…}`, events
 * `42[…]`, ping `2` → pong `3`) from its ramp-up to the end of the hold, counting what the
 * server pushes. Phones come from `tracebed export` (ids reused with a VU suffix past the export).
 *
 *   k6 run -e BASE_URL=http://127.0.0.1:8080 -e EXPORT_DIR=/abs/export -e PHONES=5000 soak.ts
 *
 * PHONES (1000), RAMP_SECONDS (60), HOLD_SECONDS (300).
 */

import exec from "k6/execution";
import { Counter, Rate, Trend } from "k6/metrics";
import { setTimeout } from "k6/timers";
import { type K6SummaryData, summaryOutputs } from "./lib/summary.ts";
import {
  num,
  type RunClock,
  readRun,
  registerPhone,
  runClock,
  summaryDir,
  urlOf,
} from "./support/env.ts";
import { connectPhone } from "./support/phone.ts";

const PHONES = num("PHONES", 1000);
const RAMP = num("RAMP_SECONDS", 60);
const HOLD = num("HOLD_SECONDS", 300);

const run = readRun((f) => open(f));

const connectMs = new Trend("socketio_connect_ms", true);
const phoneErrors = new Rate("phone_errors");
const pushes = new Counter("key_pushes_received");
const notifications = new Counter("notifications_received");

export const options = {
  scenarios: {
    phones: {
      executor: "ramping-vus",
      startVUs: 0,
      stages: [
        { duration: `${RAMP}s`, target: PHONES },
        { duration: `${HOLD}s`, target: PHONES },
        { duration: "5s", target: 0 },
      ],
      gracefulRampDown: "10s",
    },
  },
  thresholds: {
    socketio_connect_ms: ["p(95)<1000"],
    phone_errors: ["rate<0.01"],
  },
};

export function setup(): RunClock {
  return runClock(run);
}

export default function (_clock: RunClock): void {
  const vu = exec.vu.idInTest - 1;
  // Each VU is a phone of its own: registered, then connected (the server issues its id).
  const credential = registerPhone(urlOf(vu));
  if (credential === null) {
    phoneErrors.add(true);
    return;
  }
  // Hold until the end of the hold stage, whenever this VU started.
  const closeAt = exec.scenario.startTime + (RAMP + HOLD) * 1000;
  let failed = false;
  const channel = connectPhone(urlOf(vu), credential, {
    onConnected: (ms) => connectMs.add(ms),
    onReady: () => phoneErrors.add(false),
    onKeyPushes: (frame) => pushes.add(frame.length),
    onNotification: () => notifications.add(1),
    onError: () => {
      if (!failed) phoneErrors.add(true);
      failed = true;
    },
  });
  setTimeout(() => channel.close(), Math.max(1_000, closeAt - Date.now()));
}

export function handleSummary(data: K6SummaryData): Record<string, string> {
  return summaryOutputs(
    "soak",
    data,
    [
      "socketio_connect_ms",
      "phone_errors",
      "key_pushes_received",
      "notifications_received",
      "vus_max",
    ],
    summaryDir,
  );
}
