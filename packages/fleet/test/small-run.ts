import { getIdScheme, type KeyPush } from "@tracebed/protocol";
import { configFromScenario, simulate } from "@tracebed/sim";
import { loadDefaultScenario } from "@tracebed/sim/node";
import { phonesOf } from "../src/fleet-phones.js";
import { PhoneLogs } from "../src/phone-logs.js";
import { PhoneUploads } from "../src/phone-uploads.js";

/** A small outbreak: 400 people over 3 days, 60% adoption, realistic BLE. */
async function build() {
  const config = configFromScenario(loadDefaultScenario(), {
    seed: 11,
    agents: 400,
    days: 3,
    f0: 6,
    adoption: { kind: "uniform", share: 0.6 },
    ble: "realistic",
  });
  const run = await simulate(config);
  const phones = phonesOf(run.engine.population);
  const scheme = getIdScheme("bluezone");
  const logs = PhoneLogs.build(run.engine, phones.agents, phones.phoneOfAgent, scheme, () => true);
  const phoneIdOf = (agent: number) => `test-${String(agent).padStart(9, "0")}`;
  const uploads = new PhoneUploads(run.engine, logs, phones.agents, run.outbreak.window, phoneIdOf);
  /** The key push the matcher would send for phone p as index person `indexId`. */
  const pushOf = (p: number, seq: number, indexId: string): KeyPush => ({
    seq,
    indexId,
    role: "F0",
    scheme: "bluezone",
    windowEnd: run.outbreak.window.end,
    keys: uploads.keys(p, { kind: "exposure", indexIds: [indexId] }, `k-${seq}-keys`).keys,
    pushedAt: run.outbreak.window.end,
  });
  return { ...run, ...phones, scheme, logs, uploads, phoneIdOf, pushOf };
}

let cached: ReturnType<typeof build> | undefined;

/** One run shared by a test file's tests (the simulator is deterministic). */
export function smallRun(): ReturnType<typeof build> {
  cached ??= build();
  return cached;
}
