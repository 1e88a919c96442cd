// `tracebed bench --quick --json` end to end (the built binary, a real redis-server), and the
// pure parts of the bench: the capacity plan and the fan-out merge.
import { runNode } from "@tracebed/testkit";
import { describe, expect, it } from "vitest";
import { fanOut } from "../src/bench/idle-fleet.js";
import { capacityPlan, type PlanMeasured, VIETNAM_ASSUMPTIONS } from "../src/bench/plan.js";
import { BIN, tracebed } from "./cli.js";

const benchQuick = () => runNode([BIN, "bench", "--quick", "--json"]);

const positive = (x: unknown) => typeof x === "number" && Number.isFinite(x) && x > 0;

describe("tracebed bench --quick --json", () => {
  it("measures the simulator and both stores and derives a plan: every field, sane values", async () => {
    const r = await benchQuick();
    expect(r.status, r.stderr).toBe(0);
    // Progress on stderr, one JSON document on stdout.
    expect(r.stderr).toMatch(/bench: memory: .*idle phones connected/);
    const d = JSON.parse(r.stdout);
    expect(d).toMatchObject({ schemaVersion: 2, benchmark: "tracebed bench", quick: true });
    expect(d.machine.cpus).toBeGreaterThan(0);
    expect(typeof d.machine.node).toBe("string");

    expect(d.sim.cases.length).toBeGreaterThan(0);
    for (const c of d.sim.cases) {
      expect(positive(c.contactPairsPerSecond)).toBe(true);
      expect(positive(c.agentDaysPerSecond)).toBe(true);
      expect(positive(c.peakBytesPerAgent)).toBe(true);
    }

    for (const [name, m] of Object.entries(d.matcher).filter(([k]) => k !== "memoryToRedis")) {
      // biome-ignore lint/suspicious/noExplicitAny: checked field by field
      const s = m as any;
      expect(s.store).toBe(name);
      expect(s.processes).toBe(name === "memory" ? 1 : 2);
      // Every idle phone, the warm-up ones and the fleet's, held at once (the servers' count).
      expect(s.idle.failed).toBe(0);
      expect(s.idle.dropped).toBe(0);
      expect(s.connections).toBe(s.idle.connected + s.phones);
      expect(s.connectionsPerProcess * s.processes).toBeCloseTo(s.connections, -1);
      // Bytes per phone: measured, and within reason (small samples are noisy).
      expect(s.bytesPerConnection).toBeGreaterThan(-200_000);
      expect(s.bytesPerConnection).toBeLessThan(1_000_000);
      expect(positive(s.uploadsPerSecond)).toBe(true);
      expect(s.uploads.refused).toBe(0);
      expect(positive(s.latencyMs.notifyP50)).toBe(true);
      expect(s.latencyMs.notifyP99).toBeGreaterThanOrEqual(s.latencyMs.notifyP50);
      expect(s.latencyMs.notifyP99).toBeLessThan(60_000);
      // F2 are tied to their F0 through the live feed whenever there are any.
      if (s.outbreak.f2.notified > 0) {
        expect(positive(s.latencyMs.lastF2P50)).toBe(true);
        expect(s.latencyMs.lastF2P99).toBeGreaterThanOrEqual(s.latencyMs.lastF2P50);
      } else expect(s.latencyMs.lastF2P50).toBeNull();
      expect(s.f0).toBeGreaterThan(0);
      expect(s.phones).toBeGreaterThan(0);
      // The fleet's verdict matches the oracle's.
      expect(s.outbreak.f1.expected).toBeGreaterThan(0);
      expect(s.outbreak.f1).toMatchObject({ missing: 0, extra: 0 });
      expect(s.outbreak.errors).toEqual([]);
      expect(positive(s.outbreak.serverCpuSeconds)).toBe(true);
      expect(s.withoutIdlePhones.connections).toBe(s.phones);
      expect(s.latencyByPhonesHeld[0].connections).toBe(s.connections);
      expect(s.latencyByPhonesHeld.at(-1).connections).toBe(s.phones);
      expect(positive(s.withoutIdlePhones.latencyMs.notifyP99)).toBe(true);
      // The 14-key probe reached every idle phone.
      expect(s.fanOut.probe.delivered).toBe(s.memory.phonesAdded);
      expect(s.fanOut.probe.frameBytes).toBeGreaterThan(1_000);
      expect(s.fanOut.pushes).toBeGreaterThan(s.f0);
    }
    expect(d.matcher.redis.redis.appendfsync).toBe("always");
    expect(positive(d.matcher.redis.redis.outbreak.commands)).toBe(true);
    expect(positive(d.matcher.memoryToRedis.uploadsPerSecond)).toBe(true);

    expect(d.plan.extrapolated).toBe(true);
    expect(d.plan.assumptions.phones.value).toBe(58_560_000);
    for (const section of ["connections", "pushes", "uploads", "redis", "phones"]) {
      for (const line of Object.values(d.plan[section])) {
        // biome-ignore lint/suspicious/noExplicitAny: plan lines
        const l = line as any;
        expect(Number.isFinite(l.value), `${section}: ${l.arithmetic}`).toBe(true);
        expect(l.arithmetic).toMatch(/=/);
      }
    }
    expect(Object.keys(d.targets).sort()).toEqual([
      "bytesPerConnection",
      "memoryPhones",
      "notifyP99Ms",
      "redisPhones",
    ]);
    for (const t of Object.values(d.targets)) {
      // biome-ignore lint/suspicious/noExplicitAny: targets
      const x = t as any;
      expect(typeof x.met).toBe("boolean");
    }
  }, 180_000);

  it("runs only the cases named, each --runs times, figures the median over the runs", async () => {
    const r = await runNode([BIN, "bench", "sim", "--quick", "--runs", "2", "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d).toMatchObject({ cases: ["sim"], runs: 2 });
    expect(d.matcher).toBeUndefined();
    expect(d.plan).toBeUndefined();
    for (const c of d.sim.cases) {
      expect(c.runs).toBe(2);
      expect(c.seconds).toHaveLength(2);
      expect(c.medianSeconds).toBeCloseTo((c.seconds[0] + c.seconds[1]) / 2, 6);
    }
  }, 120_000);

  it("has --help, and bad flags exit 2 with one line", () => {
    const help = tracebed("bench", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--quick/);
    const bad = tracebed("bench", "--fast");
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    const unknown = tracebed("bench", "matcher");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/sim, memory, redis/);
    expect(tracebed("bench", "--runs", "0").status).toBe(2);
  });
});

const measured: PlanMeasured = {
  connectionsPerProcess: 18_000,
  bytesPerConnection: 15_000,
  phonesPerMachine: 36_000,
  processesPerMachine: 2,
  cpusPerMachine: 2,
  uploadsPerSecondPerProcess: 4_000,
  uploadsPerF0: 400,
  pushesPerF0: 10,
  serverCpuSecondsPerF0: 5,
  redisCommandsPerF0: 20_000,
  redisBytesPerF0: 100_000_000,
  redisCpuSecondsPerF0: 0.3,
  redisProcesses: 2,
  pushFrameBytes: 1_400,
  pushFramesPerSecondPerProcess: 25_000,
  pushesPerFrame: 1,
};

describe("the capacity plan", () => {
  const plan = capacityPlan(VIETNAM_ASSUMPTIONS, measured);

  it("states its assumptions with their arithmetic", () => {
    expect(plan.assumptions.phones.value).toBe(58_560_000);
    expect(plan.assumptions.phones.arithmetic).toBe(
      "97,600,000 people × 0.6 adoption = 58,560,000",
    );
    expect(plan.assumptions.idsPerF0.value).toBe(1_344);
  });

  it("derives every figure from the measured ones", () => {
    expect(plan.connections.serveProcesses.value).toBe(Math.ceil(58_560_000 / 18_000));
    expect(plan.connections.machines.value).toBe(Math.ceil(58_560_000 / 36_000));
    expect(plan.connections.serverMemoryBytes.value).toBe(58_560_000 * 15_000);
    expect(plan.pushes.perDay.value).toBe(100_000);
    expect(plan.pushes.framesPerSecond.value).toBe(Math.round((100_000 / 86_400) * 58_560_000));
    expect(plan.pushes.fanOutSharePerProcess.value).toBeCloseTo(
      ((100_000 / 86_400) * 18_000) / 25_000,
      3,
    );
    expect(plan.uploads.perSecond.value).toBeCloseTo((10_000 * 400) / 86_400, 1);
    expect(plan.uploads.serverCores.value).toBeCloseTo((10_000 * 5) / 86_400, 2);
    expect(plan.redis.commandsPerSecond.value).toBe(Math.round((10_000 / 86_400) * 20_000));
    expect(plan.phones.idsDerivedPerDay.value).toBe(100_000 * 1_344);
    expect(plan.connections.machines.arithmetic).toBe(
      "58,560,000 phones / 36,000 phones per 2-core machine (measured, 2 serve processes on Redis) = 1,627",
    );
  });

  it("scales with what it is given", () => {
    const doubled = capacityPlan(VIETNAM_ASSUMPTIONS, {
      ...measured,
      connectionsPerProcess: 36_000,
    });
    expect(doubled.connections.serveProcesses.value).toBe(
      Math.ceil(plan.connections.serveProcesses.value / 2),
    );
    const shared = capacityPlan(VIETNAM_ASSUMPTIONS, { ...measured, pushesPerFrame: 2 });
    expect(shared.pushes.framesPerSecond.value).toBe(
      Math.round(plan.pushes.framesPerSecond.value / 2),
    );
    expect(shared.pushes.bandwidthBytesPerSecond.value).toBe(
      plan.pushes.bandwidthBytesPerSecond.value,
    );
    const halfF0 = capacityPlan({ ...VIETNAM_ASSUMPTIONS, f0PerDay: 5_000 }, measured);
    expect(halfF0.uploads.perSecond.value).toBeCloseTo(plan.uploads.perSecond.value / 2, 1);
  });
});

describe("push fan-out from the idle phones' reports", () => {
  it("merges arrivals per push across processes", () => {
    const f = fanOut(
      [
        [
          { seq: 1, first: 1_000, last: 1_100, count: 100, frameBytes: 500 },
          { seq: 2, first: 5_000, last: 5_050, count: 100, frameBytes: 1_400 },
        ],
        [{ seq: 1, first: 1_010, last: 1_200, count: 100, frameBytes: 500 }],
      ],
      200,
    );
    expect(f.pushes).toBe(2);
    expect(f.pushesPerFrame).toBe(1.5);
    expect(f.deliveredPerPush).toBe(150);
    expect(f.frameBytes).toBe(1_400);
    expect(f.spreadMsMax).toBe(200);
    expect(f.latest).toMatchObject({ seq: 2, count: 100 });
    // Push 1 reached 200 phones in 200 ms, push 2 100 in 50 ms: the median of 1,000 and 2,000.
    expect(f.framesPerSecondP50).toBe(1_500);
  });

  it("is all zeros without pushes", () => {
    expect(fanOut([[], []])).toMatchObject({ pushes: 0, frameBytes: 0, latest: null });
  });
});
