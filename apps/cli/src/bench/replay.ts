// One replay of the outbreak by the fleet against the running servers, and what it cost them.
import { type LoadSummary, runLoad } from "@tracebed/fleet";
import type { Stats } from "@tracebed/protocol";
import { configFromScenario, type RunOptions } from "@tracebed/sim";
import { loadScenarioFile } from "@tracebed/sim/node";
import { cpuSeconds, cpuSecondsOf, redisDelta, round, sleep, sum } from "./measure.js";
import type { RedisProcess, ServeProcess } from "./processes.js";
import type { StoreResult, StoreWorkload } from "./store-result.js";

export const SCENARIO = "hung-yen-2020-08-18";

export type Replay = Awaited<ReturnType<typeof replayOutbreak>>;

export function latencyOf(s: LoadSummary): StoreResult["latencyMs"] {
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
export async function replayOutbreak(
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
  const cpu0 = cpuSecondsOf(servers.map((x) => x.pid));
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
  const serverCpuSeconds = cpuSecondsOf(servers.map((x) => x.pid)) - cpu0;
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
        ? { ...redisDelta(info0, info1), cpuSeconds: round(cpuSeconds(redis.pid) - redisCpu0, 2) }
        : null,
  };
}
