import { type F0CodeResponse, type F0RedeemResponse, getIdScheme, toHex } from "@tracebed/protocol";
import { type GaenKeyUpload, type GaenKeyUploadAck, REPORT_TYPE } from "@tracebed/protocol/gaen";
import { nodeCrypto } from "@tracebed/protocol/node";
import { type Engine, gaenF1Uploads, phoneDailyKeys, simulate } from "@tracebed/sim";
import { registerPhones } from "../../credentials.js";
import type { EmitEvent } from "../../events.js";
import { f0Phones, phonesOf } from "../../fleet-phones.js";
import type { FleetProcess, FleetProcessOptions } from "../../fleet-process.js";
import { postJson } from "../../http.js";
import { PhoneLogs } from "../../phone-logs.js";
import { shardOf } from "../../shard.js";
import { ExportsReader } from "./exports-reader.js";
import { KeyMatches } from "./key-matches.js";
import { DEFAULT_GAEN_FLEET } from "./options.js";

const DAY = 86_400;

/** The index id the run's events use for an agent: GAEN phones are never told one. */
export const gaenIndexId = (agent: number) => `a${agent}`;

/**
 * One fleet process of the GAEN design: its phones log RPIs, download the signed exports on a
 * schedule, derive and match the published keys' RPIs and decide on the phone. The F0's
 * phones (and the F1 that choose to) upload their temporary exposure keys; nobody uploads a
 * contact log.
 */
export async function startGaenFleetProcess(
  o: FleetProcessOptions,
  emit: EmitEvent,
): Promise<FleetProcess> {
  const g = o.gaen ?? DEFAULT_GAEN_FLEET;
  const { engine, outbreak } = await simulate(o.config);
  const { agents, phoneOfAgent } = phonesOf(engine.population);
  const { mine, urlOf } = shardOf(o.proc, o.procs, o.urls);
  const phones = Array.from(agents, (_, p) => p).filter(mine);
  const credentials = await registerPhones(phones, agents, urlOf, o.concurrency ?? 256);
  const logs = PhoneLogs.build(engine, agents, phoneOfAgent, getIdScheme("gaen"), mine);
  const scanMinutes = engine.config.ble.scanPeriodSeconds / 60;
  const matches = new KeyMatches(logs, scanMinutes, g.exposure);
  const reader = new ExportsReader(o.urls[o.proc % o.urls.length]!);
  emit({ type: "ready", phones: phones.length, sightings: logs.size });

  const f0 = f0Phones(outbreak, phoneOfAgent);
  const f0Agents = new Set(f0.map((p) => agents[p]!));
  const firstDay = Math.floor(outbreak.window.start / DAY);
  const lastDay = Math.floor((outbreak.window.end - 1) / DAY);
  // Measurement only: which agent uploaded a key, so latency is timed from its confirmation.
  const sourceOf = keySources(engine, [...f0Agents], agents, g.f1UploadShare, lastDay);
  const notified = new Map<number, "F1" | "F2">();
  let inFlight = 0;
  let awaitedUntil = 0;

  /** A phone uploads its keys of the window's days, with a code the HA issued it. */
  const uploadKeys = async (p: number, reportType: "confirmed" | "recursive") => {
    inFlight++;
    try {
      const url = urlOf(p);
      const agent = agents[p]!;
      const code = await postJson<F0CodeResponse>(
        url,
        "/v1/f0-codes",
        { caseRef: `${o.runTag}-${reportType}-${agent}`, confirmedAt: outbreak.window.end },
        { authorization: `Bearer ${o.haToken}` },
      );
      const redeemed = await postJson<F0RedeemResponse>(
        url,
        "/v1/f0-codes/redeem",
        { code: code.code, phoneId: credentials.phoneIdOf(agent) },
        credentials.authOf(agent),
      );
      if (reportType === "confirmed") {
        emit({ type: "confirmed", agent, indexId: gaenIndexId(agent), at: Date.now() });
      }
      const keys = phoneDailyKeys(engine, agent, lastDay, getIdScheme("gaen"), nodeCrypto)
        .filter((k) => k.unixDay >= firstDay)
        .map((k) => ({
          key: toHex(k.key),
          rollingStartIntervalNumber: k.unixDay * 144,
          rollingPeriod: 144,
        }));
      if (keys.length === 0) return;
      const body: GaenKeyUpload = {
        phoneId: credentials.phoneIdOf(agent),
        uploadToken: redeemed.uploadToken,
        reportType,
        keys,
      };
      emit({ type: "sent", kind: "keys" });
      const ack = await postJson<GaenKeyUploadAck>(
        url,
        "/v1/exposure-keys",
        body,
        credentials.authOf(agent),
        3,
      );
      emit({ type: "acked", uploadId: ack.uploadId });
      // Wait for the batch of the keys not held back until their day has ended.
      if (ack.accepted > ack.embargoed) awaitedUntil = Math.max(awaitedUntil, ack.publishedBy);
    } finally {
      inFlight--;
    }
  };

  const onKeys = async (keys: Awaited<ReturnType<ExportsReader["poll"]>>) => {
    const now = Date.now();
    const uploads: Promise<void>[] = [];
    for (const key of keys) {
      const role = key.reportType === REPORT_TYPE.RECURSIVE ? "F2" : "F1";
      const source = sourceOf.get(toHex(key.keyData));
      for (const p of matches.phonesNotifiedBy(key)) {
        const agent = agents[p]!;
        const had = notified.get(agent);
        if (had === "F1" || had === role) continue;
        notified.set(agent, role);
        emit({
          type: "notified",
          agent,
          role,
          indexId: gaenIndexId(source ?? -1),
          at: now,
        });
        if (
          role === "F1" &&
          !f0Agents.has(agent) &&
          gaenF1Uploads(engine, agent, g.f1UploadShare)
        ) {
          uploads.push(uploadKeys(p, "recursive"));
        }
      }
    }
    await Promise.all(uploads);
  };

  let polling: Promise<void> | null = null;
  const poll = () => {
    polling ??= reader
      .poll()
      .then(onKeys)
      .catch((err: Error) => emit({ type: "error", message: err.message }))
      .finally(() => {
        polling = null;
        // Tell the run this process still waits for a publication.
        if (inFlight > 0 || reader.seenUntil < awaitedUntil) emit({ type: "waiting" });
      });
    return polling;
  };
  const timer = setInterval(() => void poll(), g.pollMs);

  return {
    async confirmF0(startedAt: number) {
      await Promise.all(
        f0.map(async (p, k) => {
          if (!mine(p)) return;
          const due = startedAt + (k / o.f0Rate) * 1000;
          await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
          await uploadKeys(p, "confirmed").catch((err: Error) =>
            emit({ type: "error", message: err.message }),
          );
        }),
      );
      // Done once every upload of this process is published and read.
      while (inFlight > 0 || reader.seenUntil < awaitedUntil) {
        await new Promise((r) => setTimeout(r, g.pollMs));
      }
      await poll();
      emit({ type: "f0-done" });
    },
    async close() {
      clearInterval(timer);
      await polling;
    },
  };
}

/** TEK (hex) → the agent whose phone would upload it: the F0, and the F1 that choose to. */
function keySources(
  engine: Engine,
  f0Agents: readonly number[],
  agents: Int32Array,
  share: number,
  lastDay: number,
): Map<string, number> {
  const out = new Map<string, number>();
  const add = (agent: number) => {
    for (const k of phoneDailyKeys(engine, agent, lastDay, getIdScheme("gaen"), nodeCrypto)) {
      out.set(toHex(k.key), agent);
    }
  };
  for (const a of f0Agents) add(a);
  if (share > 0) for (const a of agents) if (gaenF1Uploads(engine, a, share)) add(a);
  return out;
}
